"""Reads of the standards app that its pages share: the ranking's ranks, what a scorecard
lacks for the next grade, the answers a survey has."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from cohesion_portal.access import CHANGE
from unions.models import Union

from .models import GRADE_ORDER, Grade, Period, SurveyResponse


def ranks_by_total(scorecards) -> dict[tuple[int, Decimal], int]:
    """{(period id, total): rank} of `scorecards`: one more than those of the period with a
    higher total (equal totals share a place). One query over the distinct totals."""
    counts = defaultdict(list)
    rows = scorecards.order_by().values_list("period", "total").annotate(n=Count("pk"))
    for period, total, n in rows:
        counts[period].append((total, n))
    ranks = {}
    for period, totals in counts.items():
        higher = 0
        for total, n in sorted(totals, reverse=True):
            ranks[(period, total)] = higher + 1
            higher += n
    return ranks


def short_of_next_grade(scorecard) -> dict | None:
    """What keeps the scorecard from the next grade up: the total, or dimensions below the
    share that grade asks of each (a union with more points may hold a lower grade)."""
    rules = sorted(
        scorecard.period.scheme.grade_rules.all(), key=lambda rule: GRADE_ORDER[Grade(rule.grade)]
    )
    current = GRADE_ORDER[Grade(scorecard.grade)]
    above = [rule for rule in rules if GRADE_ORDER[Grade(rule.grade)] > current]
    if not above or scorecard.vetoes:
        return None
    rule = above[0]
    low = [d for d in scorecard.dimensions if Decimal(d["share"]) < rule.min_dimension_share]
    return {
        "grade": rule.grade,
        "total": rule.min_total if scorecard.total < rule.min_total else None,
        "share": rule.min_dimension_share,
        "dimensions": low,
    }


def answer_count():
    """The answers of each survey, as a subquery (0 for none)."""
    answers = (
        SurveyResponse.objects.filter(survey=OuterRef("pk"))
        .order_by()
        .values("survey")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(answers), 0)


def can_begin_a_self_inspection(*, user) -> bool:
    """Whether some union the user may change has no assessment yet in some period (one
    assessment per union and period): else the start page has nothing to offer."""
    periods = Period.objects.count()
    unions = Union.objects.for_user(user, CHANGE).counted()
    return unions.annotate(started=Count("assessments")).filter(started__lt=periods).exists()
