"""The assistance app's registered figures (cohesion_portal.metrics). T7: the units (enterprises)
a love supermarket open on the day serves, counted once however many serve them."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from unions.metrics import by_grassroots, count_by_grassroots
from unions.models import Enterprise

from .models import HardshipFile, StationCoverage, StationKind


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
)
