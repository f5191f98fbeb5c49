"""The ranking, the scorecard page and the full recompute launched from the page."""

import pytest
from django.urls import reverse

from standards.models import Assessment, AssessmentScore, Scorecard, ScoringRun

from ..factories import make_union
from .schemes import indicator, period_2026, small_scheme


@pytest.fixture
def period(db):
    return period_2026(small_scheme())


@pytest.mark.django_db
def test_staff_recompute_from_the_page_and_see_the_ranking(
    client, world, period, django_capture_on_commit_callbacks
):
    scheme = period.scheme
    assessment = Assessment.objects.create(
        period=period, union=world.unions["A"], status="inspected"
    )
    AssessmentScore.objects.create(
        assessment=assessment, indicator=indicator(scheme, "assembly"), points=20, reason="好"
    )
    AssessmentScore.objects.create(
        assessment=assessment,
        indicator=indicator(scheme, "dues"),
        self_points=40,
        points=40,
        reason="",
    )
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("standards:recompute", args=[period.pk]))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # (queued once the run is saved)
        response = client.post(reverse("standards:recompute", args=[period.pk]))
    assert response.status_code == 302
    run = ScoringRun.objects.get()
    assert (run.status, run.unions_done, run.unions_total) == ("done", 3, 3)  # A, B and C
    assert Scorecard.objects.count() == 3

    ranking = client.get(reverse("standards:ranking"), {"period": period.pk})
    rows = [
        (r.record.union.name, r.get_cell("rank"), r.record.total)
        for r in ranking.context["table"].page.object_list
    ]
    assert rows == [("单元A工会委员会", 1, 60), ("单元C工会委员会", 2, 0)]  # B is another industry
    status = client.get(reverse("standards:run_status", args=[run.pk]))
    assert "已为 3 个工会评分" in status.content.decode()


@pytest.mark.django_db
def test_officers_cannot_recompute_and_see_only_their_union(client, world, period):
    from standards.scoring import score_period

    make_union("另一个工会")
    score_period(period)
    client.force_login(world.users["officer_a"])
    assert client.post(reverse("standards:recompute", args=[period.pk])).status_code == 403
    ranking = client.get(reverse("standards:ranking"))
    assert [r.record.union for r in ranking.context["table"].page.object_list] == [
        world.unions["A"]
    ]
    scorecard = Scorecard.objects.get(union=world.unions["A"])
    page = client.get(scorecard.get_absolute_url())
    assert page.status_code == 200
    assert "集体合同覆盖率" in page.content.decode()
    other = Scorecard.objects.get(union=world.unions["C"])
    assert client.get(other.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_t3_and_t4_by_period_are_counted_from_the_scorecards(client, world, period):
    import datetime

    from django.utils import timezone

    from standards.metrics import aaa_rate, grade_series, trusted_home_rate
    from standards.models import Period

    earlier = Period.objects.create(
        name="2025年度",
        scheme=period.scheme,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    make_union("第四工会")  # light-textile: staff_lt sees A, C and this one
    now = timezone.now()

    def card(p, label_or_union, grade, trusted):
        union = world.unions.get(label_or_union) or label_or_union
        Scorecard.objects.create(
            period=p, union=union, total=90, grade=grade, trusted_home=trusted, computed_at=now
        )

    card(earlier, "A", "AA", True)
    card(earlier, "C", "", False)
    card(period, "A", "AAA", True)
    card(period, "C", "AAA", False)
    card(period, "B", "AAA", True)  # another industry: not staff_lt's

    rows = grade_series(world.users["staff_lt"])
    # Three grassroots unions in staff_lt's scope: A, C and 第四工会 (never scored).
    assert [(r["period"].name, r["scored"], r["aaa"], r["aa"], r["none"]) for r in rows] == [
        ("2025年度", 2, 0, 1, 1),
        ("2026年度", 2, 2, 0, 0),
    ]
    assert [(r["aaa_rate"], r["trusted_rate"]) for r in rows] == [(0.0, 33.33), (66.67, 33.33)]
    day = datetime.date(2026, 6, 30)
    assert aaa_rate(day, user=world.users["staff_lt"]) == 66.67
    assert trusted_home_rate(day, user=world.users["staff_lt"]) == 33.33

    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("standards:ranking")).content.decode()
    assert "66.7%" in page.split('id="grade-series"')[1]


@pytest.mark.django_db
def test_a_filtered_ranking_keeps_each_unions_place(client, world, period):
    from django.utils import timezone

    for label, total in (("A", 90), ("C", 95)):
        Scorecard.objects.create(
            period=period,
            union=world.unions[label],
            total=total,
            grade="AAA",
            trusted_home=False,
            computed_at=timezone.now(),
        )
    client.force_login(world.users["staff_lt"])
    ranking = client.get(reverse("standards:ranking"), {"period": period.pk, "q": "单元A"})
    assert [r.get_cell("rank") for r in ranking.context["table"].page.object_list] == [2]
