"""Scorecards computed by the job, checked against points worked out by hand.

The scheme is tests/standards/schemes.py: every figure below follows from it.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contracts.models import CollectiveContract
from contracts.services import contract_save
from standards.models import Assessment, AssessmentScore, Scorecard, Survey, SurveyResponse, VetoHit
from standards.scoring import score_period

from ..factories import EnterpriseFactory, make_union
from .schemes import indicator, period_2026, small_scheme

TODAY = datetime.date(2026, 11, 25)


def union_with_coverage(name, *, enterprises, covered):
    union = make_union(name)
    for index in range(enterprises):
        enterprise = EnterpriseFactory(union=union)
        if index < covered:
            contract = CollectiveContract(
                union=union,
                kind="wage",
                title=f"{name}合同{index}",
                employer_party=enterprise.name,
                signed_on=datetime.date(2026, 1, 1),
                effective_from=datetime.date(2026, 1, 1),
                effective_to=datetime.date(2026, 12, 31),
            )
            contract_save(actor=None, contract=contract, enterprises=[enterprise])
    return union


def inspected(period, union, scheme, **points):
    """points: indicator code -> (self points, inspected points)."""
    assessment = Assessment.objects.create(period=period, union=union, status="inspected")
    for code, (self_points, given) in points.items():
        AssessmentScore.objects.create(
            assessment=assessment,
            indicator=indicator(scheme, code),
            self_points=self_points,
            points=given,
            reason="考核确认" if given is not None else "",
        )
    return assessment


def surveyed(period, union, satisfied, total):
    survey = Survey.objects.create(period=period, union=union, opens_on=TODAY, closes_on=TODAY)
    for index in range(total):
        answer = "satisfied" if index < satisfied else "dissatisfied"
        SurveyResponse.objects.create(survey=survey, answer=answer)


@pytest.fixture
def scheme(db):
    return small_scheme()


@pytest.fixture
def period(scheme):
    return period_2026(scheme)


def card(period, union) -> Scorecard:
    return Scorecard.objects.get(period=period, union=union)


def points(scorecard) -> dict:
    return {line["code"]: Decimal(line["points"]) for line in scorecard.lines}


@pytest.mark.django_db
def test_a_union_at_every_boundary_is_aaa_and_a_trusted_home(scheme, period):
    # 3 of 4 enterprises covered: 75.00%, exactly the top threshold: 40 points.
    union = union_with_coverage("边界工会", enterprises=4, covered=3)
    inspected(period, union, scheme, assembly=(None, 18), dues=(40, 35))
    surveyed(period, union, satisfied=4, total=5)  # 80.00%: exactly the trusted-home rate
    score_period(period, today=TODAY)

    scorecard = card(period, union)
    assert points(scorecard) == {"coverage": 40, "assembly": 18, "dues": 35}
    assert scorecard.lines[0]["value"] == 75.0
    assert scorecard.total == 93  # 40 + 18 + 35
    assert [d["share"] for d in scorecard.dimensions] == ["96.67", "87.50"]  # 58/60, 35/40
    assert scorecard.grade == "AAA"
    assert scorecard.satisfaction == Decimal("80.00")
    assert scorecard.trusted_home is True
    assert scorecard.final is False  # inspected, not yet approved


@pytest.mark.django_db
def test_a_dimension_below_its_share_holds_the_grade_down(scheme, period):
    # Coverage 50%: 20 points; the self-assessed dues are not inspected yet: 0.
    union = union_with_coverage("欠考核工会", enterprises=4, covered=2)
    inspected(period, union, scheme, assembly=(None, 20), dues=(40, None))
    surveyed(period, union, satisfied=9, total=10)
    score_period(period, today=TODAY)

    scorecard = card(period, union)
    assert points(scorecard) == {"coverage": 20, "assembly": 20, "dues": 0}
    assert scorecard.total == 40
    dues = next(line for line in scorecard.lines if line["code"] == "dues")
    assert (dues["basis"], dues["self_points"]) == ("awaiting_inspection", "40.00")
    assert scorecard.grade == ""  # below A's 50
    assert scorecard.trusted_home is False


@pytest.mark.django_db
def test_a_veto_caps_the_grade_and_bars_the_trusted_home(scheme, period):
    union = union_with_coverage("否决工会", enterprises=2, covered=2)  # 100%: 40
    inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    surveyed(period, union, satisfied=10, total=10)
    VetoHit.objects.create(
        period=period,
        union=union,
        veto_item=scheme.veto_items.get(code="safety"),
        occurred_on=datetime.date(2026, 6, 1),
        note="车间火灾",
    )
    score_period(period, today=TODAY)

    scorecard = card(period, union)
    assert scorecard.total == 100
    assert scorecard.grade == "A"  # AAA by points, capped at A by the veto
    assert [v["code"] for v in scorecard.vetoes] == ["safety"]
    assert scorecard.trusted_home is False


@pytest.mark.django_db
def test_a_union_with_no_records_scores_nothing_and_says_why(scheme, period):
    union = make_union("空白工会")
    score_period(period, today=TODAY)

    scorecard = card(period, union)
    assert scorecard.total == 0
    assert scorecard.grade == ""
    assert scorecard.satisfaction is None
    assert scorecard.trusted_home is False
    assert [(line["code"], line["points"], line["basis"]) for line in scorecard.lines] == [
        ("coverage", "0", "no_records"),
        ("assembly", "0", "not_inspected"),
        ("dues", "0", "not_inspected"),
    ]


@pytest.mark.django_db
def test_recomputing_changes_nothing_and_keeps_one_scorecard_each(scheme, period):
    first = union_with_coverage("甲", enterprises=2, covered=1)
    make_union("乙")
    score_period(period, today=TODAY)
    before = list(Scorecard.objects.order_by("union").values("union", "total", "grade", "lines"))
    score_period(period, today=TODAY)
    after = list(Scorecard.objects.order_by("union").values("union", "total", "grade", "lines"))
    assert before == after
    assert Scorecard.objects.count() == 2

    # A record changes, the job runs again: the scorecard is replaced, not added to.
    contract = CollectiveContract.objects.filter(union=first).first()
    contract.negotiated = False
    contract.save()
    score_period(period, today=TODAY)
    assert Scorecard.objects.count() == 2
    assert card(period, first).total == 0


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_the_number_of_unions(scheme, period):
    def queries_to_score(unions):
        for index in range(unions):
            union = union_with_coverage(f"规模{unions}-{index}", enterprises=2, covered=1)
            inspected(period, union, scheme, assembly=(None, 10), dues=(30, 30))
            surveyed(period, union, satisfied=1, total=2)
        with CaptureQueriesContext(connection) as queries:
            score_period(period, today=TODAY)
        return len(queries)

    few = queries_to_score(2)
    Scorecard.objects.all().delete()
    many = queries_to_score(40)
    assert few == many
