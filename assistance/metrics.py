"""The assistance app's registered figures (cohesion_portal.metrics). T7: the units (enterprises)
a love supermarket open on the day serves, counted once however many serve them."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from unions.metrics import by_grassroots, count_by_grassroots
from unions.models import Enterprise

from .models import Aid, HardshipFile, StationCoverage, StationKind


def _served_by_a_supermarket(day: datetime.date) -> Exists:
    return Exists(
        StationCoverage.objects.filter(
            Q(station__closed_on__isnull=True) | Q(station__closed_on__gt=day),
            enterprise=OuterRef("pk"),
            station__kind=StationKind.SUPERMARKET,
            station__opened_on__lte=day,
        )
    )


def supermarket_units(day: datetime.date, *, user) -> int:
    return Enterprise.objects.for_user(user).filter(_served_by_a_supermarket(day)).count()


def supermarket_units_total(day, *, since=None, user):
    return supermarket_units(day, user=user)


def supermarket_units_grouped(start, end, *, path=None) -> dict[int, int]:
    """{grassroots union id: units of its tree a love supermarket serves at `end`}; narrowed
    to one union's tree by its `path`."""
    enterprises = Enterprise.objects.filter(_served_by_a_supermarket(end), union__isnull=False)
    if path:
        enterprises = enterprises.filter(union__path__startswith=path)
    return count_by_grassroots(enterprises)


def supermarket_units_by_union(start, end) -> dict[int, int]:
    return supermarket_units_grouped(start, end)


def files_kept_current_by_union(start, end) -> dict[int, float]:
    """{grassroots union id: % of its hardship files open at `end` that are not due for review
    then (reviewed, or opened, within six months: 动态管理)}."""
    open_files = HardshipFile.objects.open_on(end)
    due = HardshipFile.objects.due_for_review(end).values("pk")
    rows = by_grassroots(open_files, n=Count("pk"), due=Count("pk", filter=Q(pk__in=due)))
    return {pk: metrics.exact_percent(row["n"] - row["due"], row["n"]) for pk, row in rows.items()}


def files_aided_by_union(start, end) -> dict[int, float]:
    """{grassroots union id: % of its hardship files open at `end` whose worker was given aid
    in the period (三送三助落实: no file left without help)}."""
    helped = Aid.objects.filter(given_on__range=(start, end), id_number=OuterRef("id_number"))
    rows = by_grassroots(
        HardshipFile.objects.open_on(end).annotate(helped=Exists(helped)),
        n=Count("pk"),
        helped=Count("pk", filter=Q(helped=True)),
    )
    return {pk: metrics.exact_percent(row["helped"], row["n"]) for pk, row in rows.items()}


def appeals_in_time_by_union(start, end) -> dict[int, float]:
    """{grassroots union id: % of the appeals it answered in the period answered by their
    deadline}."""
    from .monthly_figures import answered_in_time  # (monthly_figures reads this module)

    return answered_in_time(start, end)


def appeal_satisfaction_by_union(start, end) -> dict[int, float]:
    """{grassroots union id: % of the appeals rated in the period rated satisfied or basically
    satisfied (满意率)}."""
    from .monthly_figures import satisfaction  # (monthly_figures reads this module)

    return satisfaction(start, end)


METRICS = (
    metrics.Metric(
        "assistance.love_supermarket_units",
        _("Units covered by a love supermarket"),
        metrics.UNITS,
        total=supermarket_units_total,
        by_union=supermarket_units_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "assistance:station_list", union_id, kind=StationKind.SUPERMARKET, open="true"
        ),
        assesses=("supermarket",),
    ),
    metrics.Metric(
        "assistance.files_kept_current",
        _("Hardship files kept current (reviewed within six months)"),
        metrics.PERCENT,
        by_union=files_kept_current_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "assistance:file_list", union_id, open="true", due="true"
        ),
        assesses=("hardship",),
    ),
    metrics.Metric(
        "assistance.files_aided",
        _("Hardship files whose worker was given aid in the period"),
        metrics.PERCENT,
        by_union=files_aided_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "assistance:file_list", union_id, open="true"
        ),
        assesses=("hardship",),
    ),
    metrics.Metric(
        "assistance.appeals_in_time",
        _("Appeals answered by their deadline"),
        metrics.PERCENT,
        by_union=appeals_in_time_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "assistance:appeal_list", union_id
        ),
        assesses=("hardship", "mediation"),
    ),
    metrics.Metric(
        "assistance.appeal_satisfaction",
        _("Appeals rated satisfied or basically satisfied"),
        metrics.PERCENT,
        by_union=appeal_satisfaction_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "assistance:appeal_list", union_id
        ),
        assesses=("hardship", "mediation"),
    ),
)
