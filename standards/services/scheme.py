"""Changes to the assessment scheme by the industry union, checked as a whole: the points add
up, thresholds climb with the value, and the grades stand in order. Stored scorecards keep the
points they were computed with; the next recompute uses the new scheme.

The scheme is edited as a whole (its rules span its rows: thresholds within an indicator's
points, points within a dimension's), so the scheme's version stands for all of it: every
change saves the scheme, moving its version on, and a change made on a version read before
someone else's is refused (StaleRecord, cohesion_portal.versioning).

A version that a period has been scored with keeps its points and rules (the scores and the
inspections of that period were made under them): it is changed by starting a new version from
the latest one, which the next period is opened with."""

from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from cohesion_portal import metrics
from cohesion_portal.versioning import expect_version

from ..models import GRADE_ORDER, Assessment, Grade, Method, Period, Scheme, Scorecard
from ..models.scheme import plain


def _saved(actor, *records):
    for record in records:
        record._history_user = actor
        record.save()


def scored_period(scheme: Scheme) -> Period | None:
    """The first period scored with this version of the scheme (a scorecard stored or an
    inspection begun); None while it may still change."""
    # (EXISTS, not joins: a period has thousands of scorecards and inspections)
    scored = Exists(Scorecard.objects.filter(period=OuterRef("pk"))) | Exists(
        Assessment.objects.filter(period=OuterRef("pk"))
    )
    return scheme.periods.filter(scored).order_by("starts_on").first()


def frozen_reason(scheme: Scheme) -> str:
    """Why this version may not change ("" when it may)."""
    period = scored_period(scheme)
    if period is None:
        return ""
    return _(
        "%(period)s was scored with this version of the scheme, so its points and rules stay "
        "as they are. Start a new version to change them; the next period is opened with it."
    ) % {"period": period.name}


def _locked(scheme: Scheme, version: int | None) -> Scheme:
    """The scheme, locked for this change, if it is still at the version the caller read and
    no period has been scored with it."""
    locked = Scheme.objects.select_for_update().get(pk=scheme.pk)
    expect_version(locked, version)
    if reason := frozen_reason(locked):
        raise ValidationError(reason, code="scored")
    return locked


@transaction.atomic
def scheme_new_version(*, actor, scheme: Scheme) -> Scheme:
    """A new version of the scheme, a copy of `scheme` (the latest version) to change: its
    dimensions, indicators and thresholds, grades, trusted-home rule and veto items."""
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    latest = Scheme.objects.filter(previous=scheme).first()
    if latest is not None:
        raise ValidationError(
            _("A newer version of this scheme exists: start from the latest one."),
            code="not_latest",
        )
    copy = Scheme.objects.get(pk=scheme.pk)
    copy.pk = copy.id = None
    copy.previous, copy.number, copy.version = scheme, scheme.number + 1, 1
    _saved(actor, copy)
    for dimension in scheme.dimensions.prefetch_related("indicators__thresholds"):
        indicators = list(dimension.indicators.all())
        dimension.pk = dimension.id = None
        dimension.scheme = copy
        _saved(actor, dimension)
        for indicator in indicators:
            thresholds = list(indicator.thresholds.all())
            indicator.pk = indicator.id = None
            indicator.dimension = dimension
            _saved(actor, indicator)
            for threshold in thresholds:
                threshold.pk = threshold.id = None
                threshold.indicator = indicator
                _saved(actor, threshold)
    for row in [*scheme.grade_rules.all(), *scheme.veto_items.all()]:
        row.pk = row.id = None
        row.scheme = copy
        _saved(actor, row)
    return copy


@transaction.atomic
def scheme_points_save(
    *, actor, scheme: Scheme, version: int | None, weights: dict, maxima: dict
) -> Scheme:
    """weights: {dimension id: points}; maxima: {indicator id: maximum points}."""
    scheme = _locked(scheme, version)
    dimensions = list(scheme.dimensions.prefetch_related("indicators__thresholds"))
    errors = {}
    for dimension in dimensions:
        if weights[dimension.pk] <= 0:
            errors[f"weight_{dimension.pk}"] = _("A dimension has at least some points.")
        for indicator in dimension.indicators.all():
            if maxima[indicator.pk] <= 0:
                errors[f"max_{indicator.pk}"] = _("An indicator has at least some points.")
    total = sum((weights[d.pk] for d in dimensions), Decimal(0))
    if total != scheme.total_points:
        errors["__all__"] = _(
            "The dimensions add up to %(sum)s points; they must add up to %(total)s."
        ) % {"sum": plain(total), "total": plain(scheme.total_points)}
    for dimension in dimensions:
        indicators = list(dimension.indicators.all())
        inside = sum((maxima[i.pk] for i in indicators), Decimal(0))
        if inside != weights[dimension.pk]:
            errors[f"weight_{dimension.pk}"] = _(
                "Its indicators add up to %(sum)s points, not %(weight)s."
            ) % {"sum": plain(inside), "weight": plain(weights[dimension.pk])}
        for indicator in indicators:
            top = max((t.points for t in indicator.thresholds.all()), default=Decimal(0))
            if top > maxima[indicator.pk]:
                errors[f"max_{indicator.pk}"] = _(
                    "A threshold gives %(points)s points, more than this maximum."
                ) % {"points": plain(top)}
    if errors:
        raise ValidationError(errors)
    for dimension in dimensions:
        dimension.weight = weights[dimension.pk]
        _saved(actor, dimension)
        for indicator in dimension.indicators.all():
            indicator.max_points = maxima[indicator.pk]
            _saved(actor, indicator)
    _saved(actor, scheme)
    return scheme


def threshold_errors(indicator, steps: list[tuple[Decimal, Decimal]]) -> list[str]:
    """steps: [(value at least, points)], in any order."""
    problems = []
    values = [value for value, _points in steps]
    if len(set(values)) != len(values):
        problems.append(_("Two thresholds have the same value."))
    ordered = sorted(steps, reverse=True)
    for value, points in ordered:
        if points > indicator.max_points:
            problems.append(
                _("%(points)s points at %(value)s is more than the maximum of %(max)s.")
                % {
                    "points": plain(points),
                    "value": plain(value),
                    "max": plain(indicator.max_points),
                }
            )
    for (high, high_points), (low, low_points) in pairwise(ordered):
        if high_points < low_points:
            problems.append(
                _("A higher value (%(high)s) cannot earn fewer points than a lower one (%(low)s).")
                % {"high": plain(high), "low": plain(low)}
            )
    return problems


@transaction.atomic
def indicator_save(*, actor, indicator, version: int | None, steps: list[tuple[Decimal, Decimal]]):
    """An indicator and its thresholds; `version`: the scheme's, as the caller read it."""
    scheme = _locked(indicator.dimension.scheme, version)
    errors = {}
    if indicator.method == Method.COMPUTED:
        figure = metrics.get(indicator.metric)
        if figure is None or figure.by_union is None:
            errors["metric"] = _("Choose a figure the portal computes for each union.")
        if not steps:
            errors["__all__"] = _("A computed indicator needs at least one threshold.")
    problems = threshold_errors(indicator, steps)
    if problems:
        errors.setdefault("__all__", " ".join(problems))
    if errors:
        raise ValidationError(errors)
    if indicator.method != Method.COMPUTED:
        indicator.metric = ""
        steps = []
    _saved(actor, indicator)
    indicator.thresholds.all().delete()
    for value, points in steps:
        _saved(
            actor, indicator.thresholds.model(indicator=indicator, at_least=value, points=points)
        )
    _saved(actor, scheme)
    return indicator


@transaction.atomic
def grade_rules_save(
    *, actor, scheme: Scheme, version: int | None, rules: dict, trusted: dict
) -> Scheme:
    """rules: {grade: (least total, least share of each dimension)}; trusted: the scheme's
    trusted-home fields."""
    scheme = _locked(scheme, version)
    errors = {}
    ordered = sorted(rules.items(), key=lambda item: GRADE_ORDER[Grade(item[0])], reverse=True)
    for grade, (total, _share) in ordered:
        if total > scheme.total_points:
            errors[f"total_{grade}"] = _("More than the scheme's %(total)s points.") % {
                "total": plain(scheme.total_points)
            }
    for (high, (high_total, high_share)), (low, (low_total, low_share)) in pairwise(ordered):
        if high_total <= low_total:
            errors[f"total_{high}"] = _("%(high)s must ask for more points than %(low)s.") % {
                "high": high,
                "low": low,
            }
        if high_share < low_share:
            errors[f"share_{high}"] = _(
                "%(high)s cannot ask for a smaller share of each dimension than %(low)s."
            ) % {"high": high, "low": low}
    if errors:
        raise ValidationError(errors)
    for rule in scheme.grade_rules.all():
        rule.min_total, rule.min_dimension_share = rules[rule.grade]
        _saved(actor, rule)
    for field, value in trusted.items():
        setattr(scheme, field, value)
    _saved(actor, scheme)
    return scheme
