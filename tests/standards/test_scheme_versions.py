"""The scheme's versions: a period is scored with the version it was opened with; staff change
a scored version by starting a new one from the latest; a figure an app declares for an
indicator people score today is offered, and adopted by nobody but staff."""

import datetime

import pytest
from django.urls import reverse

from standards.models import Indicator, Scheme, Scorecard
from standards.scoring import load_scheme, score_period

from .schemes import indicator, period_2026, small_scheme
from .test_scheme_editing import points_data


@pytest.fixture
def staff(client, world):
    client.force_login(world.users["staff_lt"])
    return client


def scored(scheme, world):
    """`scheme`'s 2026 period, with union A's scorecard stored."""
    period = period_2026(scheme)
    score_period(period, union_ids=[world.unions["A"].pk], today=datetime.date(2026, 11, 20))
    assert Scorecard.objects.filter(period=period).exists()
    return period


def picture(scheme: Scheme) -> dict:
    """What a version holds, as plain values (to compare two versions, or one before and after)."""
    loaded = load_scheme(scheme.pk)
    return {
        "rule": (
            scheme.total_points,
            scheme.trusted_min_grade,
            scheme.trusted_without_veto,
            scheme.trusted_min_satisfaction,
            scheme.survey_min_answers,
        ),
        "dimensions": [
            (
                d.code,
                d.name,
                d.weight,
                [
                    (
                        i.code,
                        i.max_points,
                        i.method,
                        i.metric,
                        [(t.at_least, t.points) for t in i.loaded_thresholds],
                    )
                    for i in d.loaded_indicators
                ],
            )
            for d in loaded.dimensions
        ],
        "grades": [(r.grade, r.min_total, r.min_dimension_share) for r in loaded.grade_rules],
        "vetoes": sorted(scheme.veto_items.values_list("code", "name", "caps_grade_at")),
    }


@pytest.mark.django_db
def test_a_scored_version_keeps_its_points_and_says_why(staff, world):
    scheme = small_scheme()
    scored(scheme, world)
    before = picture(scheme)
    url = reverse("standards:scheme_points", args=[scheme.pk])
    page = staff.get(url).content.decode()
    assert "2026年度已按此版本评分" in page and "新建版本" in page
    org, funds = scheme.dimensions.get(code="org"), scheme.dimensions.get(code="funds")
    changed = {f"weight_{org.pk}": "50", f"weight_{funds.pk}": "50"}
    coverage = indicator(scheme, "coverage")
    changed[f"max_{coverage.pk}"] = "30"
    response = staff.post(url, points_data(scheme, **changed))
    assert "2026年度已按此版本评分" in response.content.decode()
    assert picture(Scheme.objects.get(pk=scheme.pk)) == before
    detail = staff.get(scheme.get_absolute_url()).content.decode()
    assert 'id="scheme-frozen"' in detail
    assert reverse("standards:scheme_points", args=[scheme.pk]) not in detail


@pytest.mark.django_db
def test_a_new_version_is_a_whole_copy_that_changes_alone(staff, world):
    scheme = small_scheme()
    period = scored(scheme, world)
    before = picture(scheme)
    response = staff.post(reverse("standards:scheme_new_version", args=[scheme.pk]))
    new = Scheme.objects.get(previous=scheme)
    assert response["Location"] == new.get_absolute_url()
    assert (new.number, new.name, str(new)) == (2, scheme.name, "测试标准 · 第2版")
    assert picture(new) == before
    assert new.history.first().history_user == world.users["staff_lt"]
    assert Indicator.history.filter(dimension__scheme=new).exists()  # every row has a history

    # The new version changes; the scored one, and its period, do not.
    org, funds = new.dimensions.get(code="org"), new.dimensions.get(code="funds")
    assembly = indicator(new, "assembly")
    changed = {f"weight_{org.pk}": "70", f"weight_{funds.pk}": "30"}
    changed[f"max_{assembly.pk}"] = "30"
    changed[f"max_{indicator(new, 'dues').pk}"] = "30"
    response = staff.post(
        reverse("standards:scheme_points", args=[new.pk]), points_data(new, **changed)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert indicator(new, "assembly").max_points == 30
    assert picture(Scheme.objects.get(pk=scheme.pk)) == before
    period.refresh_from_db()
    assert period.scheme_id == scheme.pk


@pytest.mark.django_db
def test_a_new_version_starts_from_the_latest_only_and_a_double_submit_makes_one(staff, world):
    scheme = small_scheme()
    scored(scheme, world)
    url = reverse("standards:scheme_new_version", args=[scheme.pk])
    staff.post(url)
    again = staff.post(url)
    assert Scheme.objects.filter(previous=scheme).count() == 1
    assert "已有更新的版本" in again.content.decode()
    page = staff.get(scheme.get_absolute_url()).content.decode()
    assert Scheme.objects.get(previous=scheme).get_absolute_url() in page
    assert url not in page  # (no "start a new version" on an older one)


@pytest.mark.django_db
def test_only_industry_staff_start_a_version(client, world):
    scheme = small_scheme()
    scored(scheme, world)
    for persona in ("officer_a", "cadre_a", "leader_all"):
        client.force_login(world.users[persona])
        response = client.post(reverse("standards:scheme_new_version", args=[scheme.pk]))
        assert response.status_code == 403, persona
    assert not Scheme.objects.filter(previous=scheme).exists()


@pytest.mark.django_db
def test_a_declared_figure_is_offered_for_an_indicator_people_score_and_adopted_by_nobody(
    staff, world
):
    """The example app of the tests declares a figure for "hardship" indicators; assistance,
    four for "hardship" (files kept current, files given aid, appeals answered in time, their
    satisfaction), the last two for "mediation" too, and one for "supermarket" (T7's units);
    competitions, one for "book_room" (T5's book rooms) and one for "competition" (titles won)."""
    scheme = Scheme.objects.get(name="“六好”基层工会评价标准（默认）")
    hardship = indicator(scheme, "hardship")
    assert hardship.method == "assessed"
    page = staff.get(scheme.get_absolute_url()).content.decode()
    offered = page.count('class="small text-success mt-1 offered-figure"')
    assert offered == 1 + 4 + 2 + 1 + 1 + 1 and "可按记录计算：Visits" in page
    assert "困难职工档案动态更新率（六个月内复核）" in page and "爱心超市覆盖单位数" in page
    hardship.refresh_from_db()
    assert (hardship.method, hardship.metric) == ("assessed", "")


@pytest.mark.django_db
def test_the_admin_shows_a_scored_version_read_only(client, world):
    scheme = small_scheme()
    scored(scheme, world)
    client.force_login(world.users["superuser"])
    coverage = indicator(scheme, "coverage")
    for url in (
        reverse("admin:standards_scheme_change", args=[scheme.pk]),
        reverse("admin:standards_indicator_change", args=[coverage.pk]),
        reverse("admin:standards_threshold_change", args=[coverage.thresholds.first().pk]),
    ):
        page = client.get(url)
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode(), url
        assert client.post(url, {"name": "改名", "max_points": "1"}).status_code == 403, url
    assert picture(Scheme.objects.get(pk=scheme.pk)) == picture(scheme)
    assert Scheme.objects.get(pk=scheme.pk).name == "测试标准"
