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


@pytest.mark.django_db
def test_exactly_at_the_grade_total_and_the_dimension_share(scheme, period):
    # 90 points with 'funds' at exactly 60% of its 40 (24): AAA's 90 and 60%, to the point.
    union = union_with_coverage("恰好工会", enterprises=1, covered=1)  # 40
    inspected(period, union, scheme, assembly=(None, 20), dues=(30, 24))
    score_period(period, today=TODAY)
    scorecard = card(period, union)
    assert (scorecard.total, scorecard.grade) == (84, "AA")  # 40 + 20 + 24: below 90
    Scorecard.objects.all().delete()
    AssessmentScore.objects.filter(indicator__code="assembly").update(points=Decimal("19.99"))
    AssessmentScore.objects.filter(indicator__code="dues").update(points=Decimal("30.01"))
    score_period(period, today=TODAY)
    scorecard = card(period, union)
    assert scorecard.total == 90  # 40 + 19.99 + 30.01
    assert scorecard.grade == "AAA"


@pytest.mark.django_db
def test_a_value_just_below_a_threshold_does_not_reach_it(scheme, period):
    # Figures are compared exactly: 74.999% is below 75% though it shows as 75.0%.
    from standards.scoring import Scorer

    union = union_with_coverage("差一点工会", enterprises=4, covered=3)
    scorer = Scorer(period, today=TODAY)
    coverage = next(
        i for d in scorer.loaded.dimensions for i in d.loaded_indicators if i.code == "coverage"
    )
    assert scorer._line(union.pk, coverage)["points"] == "40.00"  # exactly 75.0
    scorer.values[coverage.pk][union.pk] = 74.999
    assert scorer._line(union.pk, coverage)["points"] == "20.00"


@pytest.mark.django_db
def test_a_veto_that_leaves_no_grade(scheme, period):
    union = union_with_coverage("违规工会", enterprises=1, covered=1)
    inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    VetoHit.objects.create(
        period=period,
        union=union,
        veto_item=scheme.veto_items.get(code="funds"),
        occurred_on=datetime.date(2026, 3, 1),
        note="挪用经费",
    )
    score_period(period, today=TODAY)
    assert (card(period, union).total, card(period, union).grade) == (100, "")


@pytest.mark.django_db
def test_points_of_an_inspection_sent_back_do_not_count(scheme, period):
    union = union_with_coverage("退回工会", enterprises=1, covered=1)
    assessment = inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    assessment.status = "submitted"  # the industry union returned it to the inspector
    assessment.save()
    score_period(period, today=TODAY)
    assert points(card(period, union)) == {"coverage": 40, "assembly": 0, "dues": 0}


@pytest.mark.django_db
def test_an_approved_scorecard_stands_until_asked(scheme, period):
    union = union_with_coverage("审定工会", enterprises=2, covered=2)
    assessment = inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    assessment.status = "approved"
    assessment.save()
    score_period(period, today=TODAY, include_final=True)
    assert (card(period, union).total, card(period, union).final) == (100, True)
    CollectiveContract.objects.filter(union=union).update(negotiated=False)
    score_period(period, today=TODAY)  # the nightly run: the approved result stands
    assert card(period, union).total == 100
    score_period(period, today=TODAY, include_final=True)  # asked for explicitly
    assert card(period, union).total == 60


@pytest.mark.django_db
def test_a_figure_no_app_provides_scores_nothing_and_says_so(scheme, period):
    coverage = indicator(scheme, "coverage")
    coverage.metric = "later_app.book_rooms"  # an app still to come
    coverage.save()
    union = union_with_coverage("书屋工会", enterprises=1, covered=1)
    score_period(period, today=TODAY)
    line = card(period, union).lines[0]
    assert (line["points"], line["basis"]) == ("0", "no_figure")


@pytest.mark.django_db
def test_a_survey_with_too_few_answers_gives_no_rate(scheme, period):
    union = union_with_coverage("少答卷工会", enterprises=1, covered=1)
    surveyed(period, union, satisfied=2, total=2)  # the scheme asks for 3
    score_period(period, today=TODAY)
    assert card(period, union).satisfaction is None
