"""A dissolved grassroots union is history, not a zero: not scored, not in T3/T4's
denominators, not ranked, owes no monthly report, takes no enterprise; its old scorecard stays
on its page. Counted by hand on the test world (light-textile: A and C; agriculture: B)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cohesion_portal.access import EVERYTHING, Reader
from reports.selectors.monthly import expected_unions
from reports.services.exports import report_context
from standards.metrics import aaa_rate, grade_series, trusted_home_rate
from standards.models import Scorecard
from standards.scoring import score_period
from standards.sheets import scorecards_sheet
from unions.models import Enterprise, Union, UnionStatus
from unions.services import enterprise_save

from ..factories import credit_code
from .schemes import period_2026, small_scheme

DAY = datetime.date(2026, 6, 30)


@pytest.fixture
def period(db):
    return period_2026(small_scheme())


def enterprise_in(union, name):
    enterprise = Enterprise(
        name=name,
        credit_code=credit_code(),
        union=union,
        unionized_on=datetime.date(2026, 3, 1),
        industry_union=union.industry_union,
        headcount=100,
        migrant_headcount=10,
    )
    return enterprise_save(actor=None, enterprise=enterprise)


def dissolve(union):
    Union.objects.filter(pk=union.pk).update(status=UnionStatus.DISSOLVED)
    union.refresh_from_db()


def card(period, union, grade, trusted):
    return Scorecard.objects.create(
        period=period,
        union=union,
        total=90,
        grade=grade,
        trusted_home=trusted,
        computed_at=timezone.now(),
    )


@pytest.mark.django_db
def test_a_dissolved_union_is_not_scored(world, period):
    dissolve(world.unions["C"])
    score_period(period)
    scored = set(Scorecard.objects.filter(period=period).values_list("union", flat=True))
    assert scored == {world.unions["A"].pk, world.unions["B"].pk}


@pytest.mark.django_db
def test_t3_and_t4_count_neither_its_scorecard_nor_it(world, period):
    card(period, world.unions["A"], "AAA", True)
    card(period, world.unions["C"], "AAA", True)  # scored before it was dissolved
    dissolve(world.unions["C"])
    staff = world.users["staff_lt"]
    # Of the light-textile unions only A counts now: 1 of 1, not 2 of 1 nor 1 of 2.
    assert aaa_rate(DAY, user=staff) == 100.0
    assert trusted_home_rate(DAY, user=staff) == 100.0
    [row] = grade_series(staff)
    assert (row["scored"], row["aaa"], row["none"]) == (1, 1, 0)


@pytest.mark.django_db
def test_the_ranking_leaves_it_out_and_its_page_keeps_its_scorecard(client, world, period):
    card(period, world.unions["A"], "AA", True)
    old = card(period, world.unions["C"], "AAA", True)
    dissolve(world.unions["C"])
    client.force_login(world.users["staff_lt"])
    ranking = client.get(reverse("standards:ranking"))
    rows = [r.record.union for r in ranking.context["table"].page.object_list]
    assert rows == [world.unions["A"]]
    assert client.get(old.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_no_monthly_report_is_expected_of_it(world):
    dissolve(world.unions["C"])
    assert set(expected_unions()) == {world.unions["A"], world.unions["B"]}


@pytest.mark.django_db
def test_every_distribution_of_the_excel_adds_up_to_its_total(world, period):
    card(period, world.unions["A"], "AA", True)
    card(period, world.unions["B"], "", False)
    card(period, world.unions["C"], "AAA", True)
    dissolve(world.unions["C"])
    report = report_context(Reader(EVERYTHING), DAY.replace(day=1), "全部")
    _cards, distribution = scorecards_sheet(report)
    counts = [row[1] for row in distribution.rows]
    assert counts == [0, 1, 0, 1, 0]  # AAA, AA, A, no grade, not scored: none negative
    assert sum(counts) == len(report.unions) == 2


@pytest.mark.django_db
def test_an_enterprise_cannot_join_a_dissolved_union_but_one_in_it_may_stay(world):
    c = world.unions["C"]
    staying = enterprise_in(c, "留下的企业")
    dissolve(c)
    with pytest.raises(ValidationError) as refused:
        enterprise_in(c, "新来的企业")
    assert "已撤销" in str(refused.value.message_dict["union"])
    staying.headcount = 120
    enterprise_save(actor=None, enterprise=staying)  # editing one already there is allowed


@pytest.mark.django_db
def test_the_enterprise_form_does_not_offer_a_dissolved_union(client, world):
    dissolve(world.unions["C"])
    client.force_login(world.users["staff_lt"])
    form = client.get(reverse("unions:enterprise_create")).context["form"]
    offered = set(form.fields["union"].queryset)
    assert world.unions["A"] in offered
    assert world.unions["C"] not in offered


@pytest.mark.django_db
def test_a_dissolved_union_has_no_share_of_t1_and_leaves_none_to_the_others(world):
    from standards.shares import recruitment_standings

    from .schemes import plan_with_t1_and_t2

    plan_with_t1_and_t2(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))  # T1: 10
    enterprise_in(world.unions["A"], "甲企业")  # 10 migrant workers each
    enterprise_in(world.unions["C"], "丙企业")
    dissolve(world.unions["C"])
    standings = recruitment_standings(DAY, user=world.users["staff_lt"])
    assert set(standings) == {world.unions["A"].pk}
    assert standings[world.unions["A"].pk].share == 10.0  # the industry's whole T1, not half
