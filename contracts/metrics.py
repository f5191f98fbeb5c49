"""Collective-contract coverage (T2: 年末工资集体协商签定集体合同达到已建会企业的93%).

An enterprise counts as covered on a day when it had a union by then and a contract reached
through wage collective negotiation, its own or an industry or regional one listing it, was in
force that day. Each function answers for all unions at once.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal import attention, metrics
from cohesion_portal.access import CHANGE, EVERYTHING, Reader
from unions.metrics import grassroots_of
from unions.models import Enterprise

from .models import (
    MULTI_ENTERPRISE_KINDS,
    SHARED_LEVELS,
    CollectiveContract,
    CongressSystem,
    Disclosure,
    NegotiationOffer,
    PerformanceCheck,
    twelve_months_before,
)


@dataclass(frozen=True)
class Coverage:
    unionized: int  # enterprises with a union on the day
    covered: int  # of which covered
    covered_by_own: int  # covered by a contract of their own
    covered_only_by_multi: int  # covered only by industry or regional contracts
    workers: int  # employees of the unionized enterprises
    workers_covered: int  # employees of the covered ones

    @property
    def rate(self):
        return self.covered / self.unionized if self.unionized else None

    @property
    def workers_rate(self):
        return self.workers_covered / self.workers if self.workers else None


def _in_force(day, *, multi: bool | None = None):
    contracts = (
        CollectiveContract.objects.counting_for_coverage()
        .in_force_on(day)
        .filter(enterprises=OuterRef("pk"))
    )
    if multi is True:
        contracts = contracts.filter(kind__in=MULTI_ENTERPRISE_KINDS)
    elif multi is False:
        contracts = contracts.exclude(kind__in=MULTI_ENTERPRISE_KINDS)
    return Exists(contracts)


def unionized_enterprises(day: datetime.date, *, user):
    enterprises = Enterprise.objects.filter(union__isnull=False, unionized_on__lte=day)
    return enterprises.for_user(user)


def coverage(day: datetime.date, *, user) -> Coverage:
    """T2 on `day`, over the scope of `user` (a person or an access.Reader).

    One query, grouped by the two yes/no flags, so each enterprise's contracts are looked up
    once (aggregates filtered on the flags would look them up again for every aggregate).
    Read once per page by a `metrics.remembering` reader (the T2 card and the enterprises
    without a contract in the attention list)."""
    return metrics.remembered(user, ("contracts.coverage", day), lambda: _coverage(day, user))


def without_contract_in_force(enterprises, day: datetime.date):
    """Of `enterprises`, those unionized on `day` that no contract counting for T2 covers on
    `day`: what T2 still lacks (their number is `coverage(day).unionized - .covered`)."""
    contracts = (
        CollectiveContract.objects.counting_for_coverage()
        .in_force_on(day)
        .filter(enterprises=OuterRef("pk"))
    )
    return enterprises.filter(union__isnull=False, unionized_on__lte=day).filter(~Exists(contracts))


def _coverage(day, user) -> Coverage:
    groups = (
        unionized_enterprises(day, user=user)
        .annotate(own=_in_force(day, multi=False), multi=_in_force(day, multi=True))
        .values("own", "multi")
        .annotate(n=Count("pk"), workers=Sum("headcount", default=0))
        .order_by()
    )
    figures = dict.fromkeys(
        ("unionized", "covered", "covered_by_own", "covered_only_by_multi", "workers"), 0
    )
    figures["workers_covered"] = 0
    for group in groups:
        own, multi = bool(group["own"]), bool(group["multi"])
        figures["unionized"] += group["n"]
        figures["workers"] += group["workers"]
        if own or multi:
            figures["covered"] += group["n"]
            figures["workers_covered"] += group["workers"]
        figures["covered_by_own"] += group["n"] if own else 0
        figures["covered_only_by_multi"] += group["n"] if multi and not own else 0
    return Coverage(**figures)


def coverage_by_grassroots_union(day: datetime.date, *, user) -> dict[int, Coverage]:
    """{grassroots union id: its coverage on `day`}, in one query."""
    enterprises = (
        unionized_enterprises(day, user=user)
        .annotate(own=_in_force(day, multi=False), multi=_in_force(day, multi=True))
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
    )
    covered = Q(own=True) | Q(multi=True)
    rows = enterprises.annotate(
        unionized=Count("pk"),
        covered=Count("pk", filter=covered),
        covered_by_own=Count("pk", filter=Q(own=True)),
        covered_only_by_multi=Count("pk", filter=Q(own=False, multi=True)),
        workers=Sum("headcount", default=0),
        workers_covered=Sum("headcount", filter=covered, default=0),
    )
    return {int(row.pop("grassroots")): Coverage(**row) for row in rows}


def expiring(day: datetime.date, *, within_days: int = 90, user):
    """Contracts in force on `day` that end within the next `within_days` days."""
    contracts = CollectiveContract.objects.in_force_on(day).filter(
        effective_to__lte=day + datetime.timedelta(days=within_days)
    )
    return contracts.for_user(user)


@dataclass(frozen=True)
class CongressCoverage:
    """T6, 职代会建制率: of the unionized enterprises, those covered by a workers' congress that
    met in the twelve months before the day, with their own congress or only a shared one."""

    unionized: int
    covered: int
    own: int  # by a congress of their own (enterprise or institution level)
    only_shared: int  # only by an industry or regional congress

    @property
    def rate(self):
        return self.covered / self.unionized if self.unionized else None

    @property
    def own_rate(self):
        return self.own / self.unionized if self.unionized else None

    @property
    def shared_rate(self):
        return self.only_shared / self.unionized if self.unionized else None


def _congress_met(day, *, shared: bool):
    congresses = CongressSystem.objects.filter(
        enterprises=OuterRef("pk"),
        sessions__held_on__gte=twelve_months_before(day),
        sessions__held_on__lte=day,
    )
    if shared:
        congresses = congresses.filter(level__in=SHARED_LEVELS)
    else:
        congresses = congresses.exclude(level__in=SHARED_LEVELS)
    return Exists(congresses)


def congress_coverage(day: datetime.date, *, user) -> CongressCoverage:
    """T6 on `day`, over the scope of `user` (a person or an access.Reader), in one query
    grouped by the two flags (as `coverage`)."""
    groups = (
        unionized_enterprises(day, user=user)
        .annotate(
            has_own=_congress_met(day, shared=False), has_shared=_congress_met(day, shared=True)
        )
        .values("has_own", "has_shared")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _congress_figures(groups)


def _congress_figures(groups) -> CongressCoverage:
    """T6 from rows grouped by the two flags (each with its count `n`)."""
    figures = dict.fromkeys(("unionized", "covered", "own", "only_shared"), 0)
    for group in groups:
        own, shared = bool(group["has_own"]), bool(group["has_shared"])
        figures["unionized"] += group["n"]
        figures["covered"] += group["n"] if own or shared else 0
        figures["own"] += group["n"] if own else 0
        figures["only_shared"] += group["n"] if shared and not own else 0
    return CongressCoverage(**figures)


def congress_coverage_by_grassroots_union(
    day: datetime.date, *, user
) -> dict[int, CongressCoverage]:
    """{grassroots union id: its T6 on `day`}, in one query grouped by the two flags."""
    groups = (
        unionized_enterprises(day, user=user)
        .annotate(
            has_own=_congress_met(day, shared=False),
            has_shared=_congress_met(day, shared=True),
            grassroots=grassroots_of("union__path"),
        )
        .values("grassroots", "has_own", "has_shared")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_union = defaultdict(list)
    for group in groups:
        by_union[int(group["grassroots"])].append(group)
    return {union_id: _congress_figures(rows) for union_id, rows in by_union.items()}


def congress_series(end: datetime.date, *, months: int = 12, user):
    """[(last day of the month, CongressCoverage)] for the `months` months ending with `end`'s
    month, oldest first: one query a month, whatever the amount of data."""
    series = []
    month_end = end
    for _month in range(months):
        series.append((month_end, congress_coverage(month_end, user=user)))
        month_end = month_end.replace(day=1) - datetime.timedelta(days=1)
    return list(reversed(series))


# --- Registered figures (cohesion_portal.metrics): plan targets and scheme indicators -------


def coverage_total(day, *, since=None, user):
    figures = coverage(day, user=user)
    return metrics.percent(figures.covered, figures.unionized)


def _share_by_grassroots(day, condition) -> dict[int, float]:
    """{grassroots union id: % of its unionized enterprises meeting `condition` on `day`}, in
    one query that tests the condition once per enterprise (the scoring job reads this for all
    unions; the richer breakdowns above test two conditions several times)."""
    rows = (
        unionized_enterprises(day, user=Reader(EVERYTHING))
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(unionized=Count("pk"), meeting=Count("pk", filter=Q(condition)))
    )
    return {
        int(row["grassroots"]): metrics.exact_percent(row["meeting"], row["unionized"])
        for row in rows
    }


def coverage_by_union(start, end) -> dict[int, float]:
    contracts = (
        CollectiveContract.objects.counting_for_coverage()
        .in_force_on(end)
        .filter(enterprises=OuterRef("pk"))
    )
    return _share_by_grassroots(end, Exists(contracts))


def congress_rate_total(day, *, since=None, user):
    figures = congress_coverage(day, user=user)
    return metrics.percent(figures.covered, figures.unionized)


def congress_rate_by_union(start, end) -> dict[int, float]:
    met = CongressSystem.objects.filter(
        enterprises=OuterRef("pk"),
        sessions__held_on__gte=twelve_months_before(end),
        sessions__held_on__lte=end,
    )
    return _share_by_grassroots(end, Exists(met))


def performance_checked_by_union(start, end) -> dict[int, float]:
    """履行检查: of the contracts in force at the end of the period, the share checked for that
    year."""
    checked = PerformanceCheck.objects.filter(contract=OuterRef("pk"), year=end.year)
    rows = (
        CollectiveContract.objects.in_force_on(end)
        .annotate(grassroots=grassroots_of("union__path"), checked=Exists(checked))
        .values("grassroots")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(checked=True)))
    )
    return {
        int(row["grassroots"]): metrics.exact_percent(row["done"], row["total"]) for row in rows
    }


def disclosures_by_union(start, end) -> dict[int, float]:
    """厂务公开: disclosures made in the period per unionized enterprise of the union."""
    made = dict(
        Disclosure.objects.filter(disclosed_on__range=(start, end))
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(n=Count("pk"))
        .values_list("grassroots", "n")
    )
    enterprises = (
        unionized_enterprises(end, user=Reader(EVERYTHING))
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(n=Count("pk"))
        .values_list("grassroots", "n")
    )
    return {int(grassroots): made.get(grassroots, 0) / n for grassroots, n in enterprises if n}


def _records(url_name, union_id, **params):
    return metrics.records_list(url_name, union_id, **params)


METRICS = (
    metrics.Metric(
        "contracts.coverage",
        _("Collective contract coverage of unionized enterprises"),
        metrics.PERCENT,
        total=coverage_total,
        by_union=coverage_by_union,
        records_url=lambda union_id, start, end: _records(
            "contracts:list", union_id, state="in_force"
        ),
    ),
    metrics.Metric(
        "contracts.congress_rate",
        _("Workers' congress establishment rate"),
        metrics.PERCENT,
        total=congress_rate_total,
        by_union=congress_rate_by_union,
        records_url=lambda union_id, start, end: _records("contracts:congress_list", union_id),
    ),
    metrics.Metric(
        "contracts.performance_checked",
        _("Contracts in force checked for performance this year"),
        metrics.PERCENT,
        by_union=performance_checked_by_union,
        records_url=lambda union_id, start, end: _records(
            "contracts:list", union_id, state="unchecked"
        ),
    ),
    metrics.Metric(
        "contracts.disclosures",
        _("Affairs disclosures per unionized enterprise in the period"),
        metrics.PER_ENTERPRISE,
        by_union=disclosures_by_union,
        records_url=lambda union_id, start, end: _records(
            "contracts:disclosure_list", union_id, year=end.year
        ),
    ),
)
# --- The dashboard's attention list (cohesion_portal.attention) --------------------------------


ATTENTION = (
    attention.Attention(
        "contracts.expiring",
        _("Contracts ending within 90 days"),
        count=lambda user, today: expiring(today, user=user).count(),
        url=lambda: f"{reverse('contracts:list')}?state=expiring",
        icon="bi-hourglass-split",
        order=20,
        acts=CHANGE,
    ),
    attention.Attention(
        "contracts.uncovered",
        _("Unionized enterprises without a collective contract in force"),
        # (from T2's own reading: the card and this number cannot disagree)
        count=lambda user, today: (
            (figures := coverage(today, user=user)).unionized - figures.covered
        ),
        url=lambda: reverse("contracts:uncovered"),
        icon="bi-building-exclamation",
        order=15,
        acts=CHANGE,
    ),
    attention.Attention(
        "contracts.offers_unanswered",
        _("Offers without a reply after 20 days"),
        count=lambda user, today: NegotiationOffer.objects.for_user(user).overdue_on(today).count(),
        url=lambda: f"{reverse('contracts:offer_list')}?overdue=true",
        icon="bi-envelope-exclamation",
        order=30,
        acts=CHANGE,
    ),
    attention.Attention(
        "contracts.congresses_overdue",
        _("Workers' congresses without a session in 12 months"),
        count=lambda user, today: CongressSystem.objects.for_user(user).overdue_on(today).count(),
        url=lambda: f"{reverse('contracts:congress_list')}?overdue=true",
        icon="bi-people",
        order=40,
        acts=CHANGE,
    ),
)
