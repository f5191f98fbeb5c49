"""The scoring job: a scorecard for every grassroots union and a period, from the scheme.

Every computed indicator reads its figure once for all unions (`Metric.by_union`), and the
inspections, veto items and survey answers are read once each, so the number of queries does
not grow with the number of unions. The scorecards are written in one transaction, replacing
the ones there: running the job twice changes nothing, and a job killed halfway leaves the
previous scorecards whole.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from unions.models import Union

from .models import (
    GRADE_ORDER,
    SATISFIED_ANSWERS,
    Assessment,
    AssessmentScore,
    AssessmentStatus,
    Grade,
    Method,
    Period,
    Scheme,
    Scorecard,
    SurveyResponse,
    VetoHit,
)

WRITE_BATCH = 500
ZERO = Decimal(0)
# Why an indicator got its points, stored as a code and shown in the reader's language.
BASIS = {
    "computed": _("computed from the records"),
    "no_records": _("no records"),
    "no_figure": _("the figure is not available yet"),
    "inspected": _("given by the inspector"),
    "awaiting_inspection": _("self-assessed, awaiting inspection"),
    "not_inspected": _("not inspected yet"),
}


@dataclass
class LoadedScheme:
    scheme: Scheme
    dimensions: list  # with .loaded_indicators, each with .loaded_thresholds (highest first)
    grade_rules: list  # highest total first
    veto_caps: dict  # veto item id -> grade cap


def load_scheme(scheme_id: int) -> LoadedScheme:
    scheme = Scheme.objects.get(pk=scheme_id)
    dimensions = list(
        scheme.dimensions.prefetch_related("indicators__thresholds").order_by("order", "pk")
    )
    for dimension in dimensions:
        dimension.loaded_indicators = sorted(
            dimension.indicators.all(), key=lambda i: (i.order, i.pk)
        )
        for indicator in dimension.loaded_indicators:
            indicator.loaded_thresholds = sorted(
                indicator.thresholds.all(), key=lambda t: t.at_least, reverse=True
            )
    rules = sorted(scheme.grade_rules.all(), key=lambda r: r.min_total, reverse=True)
    caps = dict(scheme.veto_items.values_list("pk", "caps_grade_at"))
    return LoadedScheme(scheme, dimensions, rules, caps)


def points_for(value, indicator) -> Decimal:
    """The points of the highest threshold the value reaches (never above the maximum)."""
    if value is None:
        return ZERO
    value = Decimal(str(value))
    for threshold in indicator.loaded_thresholds:
        if value >= threshold.at_least:
            return min(threshold.points, indicator.max_points)
    return ZERO


def grade_for(total: Decimal, shares: list[Decimal], rules) -> str:
    for rule in rules:
        if total >= rule.min_total and all(s >= rule.min_dimension_share for s in shares):
            return rule.grade
    return Grade.NONE


def capped(grade: str, caps: list[str]) -> str:
    for cap in caps:
        if GRADE_ORDER[Grade(cap)] < GRADE_ORDER[Grade(grade)]:
            grade = cap
    return grade


def satisfaction_by_union(min_answers=1, **survey_filter) -> dict[int, Decimal]:
    """{union id: satisfied or fairly satisfied ÷ answers, in %} of the surveys that
    `survey_filter` picks (those of a period, say: period=...), where at least `min_answers`
    members answered."""
    survey_filter = {f"survey__{name}": value for name, value in survey_filter.items()}
    rows = (
        SurveyResponse.objects.filter(**survey_filter)
        .values("survey__union_id")
        .annotate(
            answers=Count("pk"), satisfied=Count("pk", filter=Q(answer__in=SATISFIED_ANSWERS))
        )
    )
    return {
        row["survey__union_id"]: (Decimal(100) * row["satisfied"] / row["answers"]).quantize(
            Decimal("0.01")
        )
        for row in rows
        if row["answers"] and row["answers"] >= min_answers
    }


class Scorer:
    """Reads everything a period's scorecards need, then builds them one union at a time."""

    def __init__(self, period: Period, *, union_ids=None, today=None, include_final=False):
        self.period = period
        self.today = today or timezone.localdate()
        self.as_of = min(period.ends_on, self.today)
        self.loaded = load_scheme(period.scheme_id)
        unions = Union.objects.counted()  # (a dissolved union is not scored)
        if union_ids is not None:
            unions = unions.filter(pk__in=list(union_ids))
        if not include_final:
            # An approved result stands: a recompute leaves final scorecards as they are.
            final = Scorecard.objects.filter(period=period, final=True).values("union_id")
            unions = unions.exclude(pk__in=final)
        self.union_ids = list(unions.order_by("pk").values_list("pk", flat=True))
        self.values = self._computed_values()
        self.scores, self.approved = self._assessment_scores()
        self.vetoes = self._veto_hits()
        self.satisfaction = satisfaction_by_union(
            min_answers=self.loaded.scheme.survey_min_answers, period=period
        )

    def _computed_values(self) -> dict[int, dict[int, float]]:
        values, read = {}, {}  # (a figure two indicators use is read once)
        for dimension in self.loaded.dimensions:
            for indicator in dimension.loaded_indicators:
                if indicator.method != Method.COMPUTED:
                    continue
                metric = metrics.get(indicator.metric)
                if metric is None or metric.by_union is None:
                    values[indicator.pk] = None  # the figure's app is not there (yet)
                    continue
                if metric.key not in read:
                    read[metric.key] = metric.by_union(self.period.starts_on, self.as_of)
                values[indicator.pk] = read[metric.key]
        return values

    def _assessment_scores(self):
        scores = AssessmentScore.objects.filter(assessment__period=self.period).values_list(
            "assessment__union_id",
            "assessment__status",
            "assessment__inspected_at",
            "indicator_id",
            "self_points",
            "points",
            "reason",
        )
        by_union = defaultdict(dict)
        self.revising = set()
        for union_id, status, inspected_at, indicator_id, self_points, points, reason in scores:
            if status not in (AssessmentStatus.INSPECTED, AssessmentStatus.APPROVED):
                if inspected_at is None:
                    points = None  # not inspected yet: the inspector's points do not count
                else:
                    # Sent back for changes after an inspection: the last inspected points
                    # stand until the next inspection, and the scorecard says it is revised.
                    self.revising.add(union_id)
            by_union[union_id][indicator_id] = (self_points, points, reason)
        approved = set(
            Assessment.objects.filter(
                period=self.period, status=AssessmentStatus.APPROVED
            ).values_list("union_id", flat=True)
        )
        return by_union, approved

    def _veto_hits(self):
        hits = defaultdict(list)
        rows = VetoHit.objects.filter(period=self.period).select_related("veto_item")
        for hit in rows:
            hits[hit.union_id].append(hit)
        return hits

    def scorecard(self, union_id: int, now) -> Scorecard:
        lines, dimensions, shares = [], [], []
        total = ZERO
        for dimension in self.loaded.dimensions:
            earned = ZERO
            for indicator in dimension.loaded_indicators:
                line = self._line(union_id, indicator)
                earned += Decimal(line["points"])
                lines.append({**line, "dimension": dimension.code})
            # Exact for the grade rules; rounded only where it is shown.
            share = 100 * earned / dimension.weight if dimension.weight else Decimal(100)
            shares.append(share)
            total += earned
            dimensions.append(
                {
                    "code": dimension.code,
                    "name": dimension.name,
                    "points": str(earned),
                    "max": str(dimension.weight),
                    "share": str(share.quantize(Decimal("0.01"))),
                }
            )
        hits = self.vetoes.get(union_id, [])
        grade = capped(
            grade_for(total, shares, self.loaded.grade_rules),
            [self.loaded.veto_caps[h.veto_item_id] for h in hits],
        )
        satisfaction = self.satisfaction.get(union_id)
        return Scorecard(
            period=self.period,
            union_id=union_id,
            total=total,
            grade=grade,
            trusted_home=self._trusted(grade, bool(hits), satisfaction),
            satisfaction=satisfaction,
            final=union_id in self.approved,
            revising=union_id in self.revising,
            dimensions=dimensions,
            lines=lines,
            vetoes=[
                {
                    "code": h.veto_item.code,
                    "name": h.veto_item.name,
                    "caps_grade_at": h.veto_item.caps_grade_at,
                    "occurred_on": h.occurred_on.isoformat(),
                    "note": h.note,
                }
                for h in hits
            ],
            computed_at=now,
        )

    def _line(self, union_id: int, indicator) -> dict:
        """An indicator's points and why (`basis`, one of BASIS; shown translated). Its name,
        method and figure are the scheme's: the page reads them from there."""
        line = {
            "indicator": indicator.pk,
            "code": indicator.code,
            "max": str(indicator.max_points),
            "value": None,
            "points": "0",
        }
        if indicator.method == Method.COMPUTED:
            figures = self.values.get(indicator.pk)
            if figures is None:
                return {**line, "basis": "no_figure"}
            value = figures.get(union_id)
            if value is None:
                return {**line, "basis": "no_records"}
            return {
                **line,
                "value": value,
                "points": str(points_for(value, indicator)),
                "basis": "computed",
            }
        self_points, points, reason = self.scores.get(union_id, {}).get(
            indicator.pk, (None, None, "")
        )
        if self_points is not None:
            line["self_points"] = str(self_points)
        if points is not None:
            given = min(points, indicator.max_points)
            return {**line, "points": str(given), "basis": "inspected", "note": reason}
        if indicator.method == Method.SELF_ASSESSED and self_points is not None:
            return {**line, "basis": "awaiting_inspection"}
        return {**line, "basis": "not_inspected"}

    def _trusted(self, grade: str, vetoed: bool, satisfaction) -> bool:
        scheme = self.loaded.scheme
        if GRADE_ORDER[Grade(grade)] < GRADE_ORDER[Grade(scheme.trusted_min_grade)]:
            return False
        if vetoed and scheme.trusted_without_veto:
            return False
        return satisfaction is not None and satisfaction >= scheme.trusted_min_satisfaction


def score_period(
    period: Period, *, union_ids=None, today=None, on_progress=None, include_final=False
) -> int:
    """Compute and store the scorecards of `period` (all grassroots unions, or `union_ids`);
    final ones (an approved inspection) only with `include_final`."""
    scorer = Scorer(period, union_ids=union_ids, today=today, include_final=include_final)
    if on_progress:
        on_progress(0, len(scorer.union_ids))  # everything read: the page shows "0 / n"
    now = timezone.now()
    cards = []
    for index, union_id in enumerate(scorer.union_ids, start=1):
        cards.append(scorer.scorecard(union_id, now))
        if on_progress and (index % WRITE_BATCH == 0):
            on_progress(index, len(scorer.union_ids))
    with transaction.atomic():
        Scorecard.objects.bulk_create(
            cards,
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["period", "union"],
            update_fields=[
                "total",
                "grade",
                "trusted_home",
                "satisfaction",
                "final",
                "revising",
                "dimensions",
                "lines",
                "vetoes",
                "computed_at",
            ],
        )
    if on_progress:
        on_progress(len(cards), len(cards))
    return len(cards)
