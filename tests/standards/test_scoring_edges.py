"""The scoring's edges no other test reaches (found by mutation testing, scripts/mutation.sh):
each built by hand on the small scheme of tests/standards/schemes.py."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from standards.models import Assessment, VetoHit
from standards.scoring import points_for, score_period

from ..factories import make_union
from .schemes import indicator
from .test_scoring import TODAY, card, inspected, period, scheme, surveyed, union_with_coverage

__all__ = ["period", "scheme"]  # (the fixtures, shared with test_scoring)

D = Decimal


@pytest.mark.django_db
def test_a_survey_with_exactly_the_least_answers_gives_its_rate(scheme, period):
    union = union_with_coverage("刚好答卷工会", enterprises=1, covered=1)
    surveyed(period, union, satisfied=2, total=3)  # the scheme asks for 3
    score_period(period, today=TODAY)
    assert card(period, union).satisfaction == D("66.67")  # 2/3, two decimals half up


@pytest.mark.django_db
def test_a_veto_that_leaves_the_grade_still_bars_the_trusted_home(scheme, period):
    """The veto item here caps at AAA, so the grade stands: the veto alone decides that the
    union is not a trusted home, and only while the scheme says a vetoed union cannot be one."""
    scheme.veto_items.create(code="minor", name="轻微违规", caps_grade_at="AAA")
    union = union_with_coverage("轻否决工会", enterprises=2, covered=2)
    inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    surveyed(period, union, satisfied=10, total=10)
    VetoHit.objects.create(
        period=period,
        union=union,
        veto_item=scheme.veto_items.get(code="minor"),
        occurred_on=datetime.date(2026, 6, 1),
    )
    score_period(period, today=TODAY)
    assert (card(period, union).grade, card(period, union).trusted_home) == ("AAA", False)

    scheme.trusted_without_veto = False
    scheme.save()
    score_period(period, today=TODAY)
    assert (card(period, union).grade, card(period, union).trusted_home) == ("AAA", True)


def test_a_threshold_with_decimals_is_reached_exactly_and_not_a_hair_below():
    coverage = SimpleNamespace(
        max_points=D(40),
        loaded_thresholds=[
            SimpleNamespace(at_least=D("92.5"), points=D(40)),
            SimpleNamespace(at_least=D("50.25"), points=D("12.5")),
        ],
    )
    assert points_for(92.5, coverage) == 40
    assert points_for(92.49, coverage) == D("12.5")
    assert points_for(50.25, coverage) == D("12.5")
    assert points_for(50.249, coverage) == 0
    assert points_for(None, coverage) == 0


@pytest.mark.django_db
def test_points_above_a_lowered_maximum_count_as_the_maximum(scheme, period):
    """Staff lower an indicator's maximum after its thresholds and inspections were entered:
    a threshold's points and an inspector's points above the new maximum count as the maximum."""
    union = union_with_coverage("降分工会", enterprises=1, covered=1)  # 100%: 40 by threshold
    inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    for code, lowered in (("coverage", 30), ("assembly", 15)):
        lowered_indicator = indicator(scheme, code)
        lowered_indicator.max_points = lowered
        lowered_indicator.save()
    score_period(period, today=TODAY)
    lines = {line["code"]: D(line["points"]) for line in card(period, union).lines}
    assert lines == {"coverage": 30, "assembly": 15, "dues": 40}
    assert card(period, union).total == 85


@pytest.mark.django_db
def test_an_approved_scorecard_is_marked_by_its_unions_id_not_the_assessments(scheme, period):
    others = [make_union(f"垫号工会{i}") for i in range(3)]
    for other in others:
        Assessment.objects.create(period=period, union=other, status="draft")
    union = union_with_coverage("审定编号工会", enterprises=1, covered=1)
    approved = inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    if approved.pk == union.pk:  # (ids from two sequences may meet: move the assessment's on)
        approved.delete()
        approved = inspected(period, union, scheme, assembly=(None, 20), dues=(40, 40))
    approved.status = "approved"
    approved.save()
    assert approved.pk != union.pk
    score_period(period, today=TODAY, include_final=True)
    assert card(period, union).final is True
    assert [card(period, other).final for other in others] == [False, False, False]
