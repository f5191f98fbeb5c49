"""Figures about the union tree and enterprises, always within a user's scope.

Each function answers for many unions in a fixed number of queries (GROUP BY, not a loop).
"""

import datetime
from collections import defaultdict

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Substr, TruncMonth
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal import attention, metrics, plan_periods
from cohesion_portal.access import CHANGE, EVERYTHING, Reader, scope_for

from .models import (
    NEW_GENERATION_BORN_FROM,
    Enterprise,
    JoinApplication,
    JoinApplicationStatus,
    Member,
    Membership,
    MembershipStart,
    Union,
    UnionStatus,
)

# The ways a membership begins that make a recruit (a transfer in is no joining).
JOININGS = (MembershipStart.JOINED, MembershipStart.REJOINED)


def grassroots_of(path_field: str):
    """SQL: the id of the grassroots union at the top of a union's path (as text), to GROUP BY."""
    return Substr(path_field, 1, Union.SEGMENT - 1)


def under_counted_unions(queryset, path_field: str = "union__path"):
    """`queryset` without the rows under a dissolved grassroots union: history, not figures
    (UnionQuerySet.counted)."""
    dissolved = (
        Union.objects.grassroots()
        .exclude(status=UnionStatus.ACTIVE)
        .annotate(top=grassroots_of("path"))
        .values("top")
    )
    return queryset.annotate(counted_top=grassroots_of(path_field)).exclude(
        counted_top__in=dissolved
    )


def by_grassroots(queryset, path_field: str = "union__path", **aggregates) -> dict[int, dict]:
    """{grassroots union id: {name: value}} of `queryset`, whose rows reach their union's path
    through `path_field`, in one GROUP BY."""
    rows = (
        queryset.annotate(grassroots=grassroots_of(path_field))
        .values("grassroots")
        .annotate(**aggregates)
        .order_by()
    )
    return {int(row.pop("grassroots")): row for row in rows}


def count_by_grassroots(queryset, path_field: str = "union__path") -> dict[int, int]:
    """{grassroots union id: rows of `queryset` in its tree}, in one GROUP BY."""
    return {pk: row["n"] for pk, row in by_grassroots(queryset, path_field, n=Count("pk")).items()}


def scope_overview(user) -> dict:
    """The headline counts of the user's scope, for the workbench.

    The union establishment rate (建会率) is unionized enterprises ÷ all enterprises in scope;
    it is None where the scope holds no enterprise. It means something only where the scope
    holds the enterprises without a union too (a whole industry union): `rate_applies`.
    """
    unions = Union.objects.for_user(user).aggregate(
        grassroots=Count("pk", filter=Q(parent__isnull=True)),
        units=Count("pk", filter=Q(parent__isnull=False)),
    )
    unionized = Q(union__isnull=False)
    enterprises = Enterprise.objects.for_user(user).aggregate(
        total=Count("pk"),
        unionized=Count("pk", filter=unionized),
        employees=Sum("headcount", filter=unionized, default=0),
        migrants=Sum("migrant_headcount", filter=unionized, default=0),
    )
    rate = enterprises["unionized"] / enterprises["total"] if enterprises["total"] else None
    members = Member.objects.for_user(user).active().count()
    scope = scope_for(user)
    return {
        **unions,
        "enterprises": enterprises,
        "establishment_rate": rate,
        "rate_applies": scope.everything or bool(scope.industry_union_ids),
        "members": members,
    }


def shared_path(paths) -> str:
    """The longest run of whole path segments that all `paths` start with ("" if none)."""
    first, last = min(paths), max(paths)
    length = 0
    while length < len(first) and first[length] == last[length]:
        length += 1
    return first[: length // Union.SEGMENT * Union.SEGMENT]


def subtree_counts(unions) -> dict[int, dict]:
    """For each union: direct sub-units, all units below it, enterprises, their employees and
    active members in its subtree. Three queries per depth among `unions` (usually one)."""
    by_depth = defaultdict(dict)
    for union in unions:
        by_depth[len(union.path)][union.path] = union.pk
    counts = {
        pk: {"children": 0, "units": 0, "enterprises": 0, "employees": 0, "members": 0}
        for paths in by_depth.values()
        for pk in paths.values()
    }
    for length, paths in by_depth.items():
        # The part all these paths share (say, their parent's path) narrows every query to one
        # subtree through the path index before the grouping, which no index can serve.
        shared = shared_path(paths)
        # Every union in these subtrees (a few hundred on a page of the tree): its units and
        # children are counted from them, and its members by their unions' ids, which the
        # member index serves (a prefix of each member's union path would read every member).
        in_subtrees = (
            Union.objects.filter(path__startswith=shared)
            .annotate(prefix=Substr("path", 1, length))
            .filter(prefix__in=list(paths))
            .values_list("pk", "path")
            .order_by()
        )
        under = {}  # union id -> the path of the union on the page it falls under
        for pk, path in in_subtrees:
            top = under[pk] = path[:length]
            if len(path) > length:
                counts[paths[top]]["units"] += 1
                counts[paths[top]]["children"] += len(path) == length + Union.SEGMENT
        rows = (
            Enterprise.objects.filter(union__path__startswith=shared)
            .annotate(prefix=Substr("union__path", 1, length))
            .filter(prefix__in=list(paths))
            .values("prefix")
            .annotate(enterprises=Count("pk"), employees=Sum("headcount"))
        )
        for row in rows:
            counts[paths[row["prefix"]]].update(
                enterprises=row["enterprises"], employees=row["employees"] or 0
            )
        rows = (
            Member.objects.active()
            .filter(union_id__in=list(under))
            .values("union_id")
            .annotate(members=Count("pk"))
            .order_by()
        )
        for row in rows:
            counts[paths[under[row["union_id"]]]]["members"] += row["members"]
    return counts


def new_generation_recruits(*, start, end, user, period_start=None):
    """T1, 发展新生代农民工入会: the new-generation migrant workers (migrants born on or after
    1980-01-01) recruited between `start` and `end`, inclusive, as the recruiting memberships.

    The one definition every page, sheet and job reads. A recruit is someone who **was not a
    member when the plan period began** (`period_start`; by default the start of the plan
    period `start` falls in, cohesion_portal.plan_periods) and joined during it:

    - counted once, on their first joining in the period, for the union that enrolled them (a
      transfer later leaves the recruit with that union; leaving and rejoining adds nothing);
    - a member when the period began is no recruit, even if they leave one union and join
      another (a job change recorded as leave + enrol rather than as a transfer);
    - someone whose membership ended before the period began, and who joins again, is one.

    "A member when the period began": a membership begun before its first day and not ended
    before it. Only recruits made by unions in the scope of `user` (a person, or an
    access.Reader: `Reader(EVERYTHING)` for all).
    """
    if period_start is None:
        period_start = plan_periods.start_on(start)
    joinings = Membership.objects.filter(
        start__in=JOININGS, started_on__gte=period_start, started_on__lte=end
    )
    # The first joining is the one with no earlier joining of the same person (by date, then
    # by row): an anti-join, several times faster on PostgreSQL than picking the first row of
    # each person with a subquery.
    earlier = joinings.filter(member=OuterRef("member")).filter(
        Q(started_on__lt=OuterRef("started_on"))
        | Q(started_on=OuterRef("started_on"), pk__lt=OuterRef("pk"))
    )
    member_when_it_began = Membership.objects.filter(
        member=OuterRef("member"), started_on__lt=period_start
    ).filter(Q(ended_on__isnull=True) | Q(ended_on__gte=period_start))
    recruits = (
        joinings.filter(
            started_on__gte=start,
            member__is_migrant=True,
            member__birth_date__gte=NEW_GENERATION_BORN_FROM,
        )
        .exclude(Exists(earlier))
        .exclude(Exists(member_when_it_began))
    )
    return recruits.for_user(user)


def recruits_by_grassroots_union(recruits) -> dict[int, int]:
    """{grassroots union id: recruits made by it or its branches and groups}."""
    return count_by_grassroots(recruits)


def recruits_by_month(recruits) -> dict[datetime.date, int]:
    """{first day of the month: recruits that month}, months without recruits left out."""
    rows = recruits.annotate(month=TruncMonth("started_on")).values("month").annotate(n=Count("pk"))
    return {row["month"]: row["n"] for row in rows.order_by("month")}


def recruits_by_union_and_day(
    since, end, *, user
) -> tuple[dict[int, int], dict[datetime.date, int]]:
    """T1 counted from `since` (a plan's start) up to `end`, in the user's scope, two ways at
    once: ({grassroots union id: recruits}, {day: recruits}). One query (the anti-join that
    finds each person's first joining is its cost), read once per page by a
    `metrics.remembering` reader: the T1 card, its trend, the chart by month, the unions behind
    on recruitment and an officer's own figure are all sums of it."""

    def compute():
        recruits = (
            new_generation_recruits(start=since, end=end, period_start=since, user=user)
            .annotate(grassroots=grassroots_of("union__path"), day=F("started_on"))
            .values_list("grassroots", "day")
            .order_by()  # (the members' order would sort rows that are only counted)
        )
        by_union, by_day = defaultdict(int), defaultdict(int)
        if connection.vendor == "postgresql":
            # Both groupings from one scan: a few hundred rows (days) and one per union,
            # rather than one per union and day (about one per recruit at scale L).
            try:
                sql, params = recruits.query.sql_with_params()
            except EmptyResultSet:  # (an empty scope)
                return {}, {}
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT grassroots, day, COUNT(*) FROM ({sql}) AS recruits "
                    "GROUP BY GROUPING SETS ((grassroots), (day))",
                    params,
                )
                rows = cursor.fetchall()
            for grassroots, day, n in rows:
                if grassroots is not None:
                    by_union[int(grassroots)] += n
                else:
                    by_day[day] += n
        else:
            for grassroots, day, n in recruits.annotate(n=Count("pk")).order_by():
                by_union[int(grassroots)] += n
                by_day[day] += n
        return dict(by_union), dict(by_day)

    return metrics.remembered(user, ("unions.recruits", since, end), compute)


def recruits_daily(since, end, *, user) -> dict[datetime.date, int]:
    """T1's `daily` figure: {day: recruits that day}, counted from `since`."""
    return recruits_by_union_and_day(since, end, user=user)[1]


def recruits_by_union_since(since, end, *, user) -> dict[int, int]:
    """{grassroots union id: T1 recruits from `since` to `end`} in the user's scope."""
    return recruits_by_union_and_day(since, end, user=user)[0]


# --- Registered figures (cohesion_portal.metrics): plan targets and scheme indicators -------


def recruits_total(day, *, since, user) -> int:
    """T1 for the user's scope: recruits from the start of the plan period up to `day`."""
    return new_generation_recruits(start=since, end=day, period_start=since, user=user).count()


def recruits_by_union(start, end) -> dict[int, int]:
    recruits = new_generation_recruits(start=start, end=end, user=Reader(EVERYTHING))
    return recruits_by_grassroots_union(recruits)


def membership_rate_total(day, *, since=None, user) -> float | None:
    """入会率: active members ÷ employees of the unionized enterprises, today (members' dates
    of joining are known, their employers' headcounts only as they stand)."""
    employees = Enterprise.objects.filter(union__isnull=False).for_user(user)
    members = Member.objects.active().for_user(user)
    total = employees.aggregate(n=Sum("headcount", default=0))["n"]
    return metrics.percent(members.count(), total)


def membership_rate_by_union(start, end) -> dict[int, float]:
    employees = (
        Enterprise.objects.filter(union__isnull=False)
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(n=Sum("headcount"))
    )
    members = (
        Member.objects.active()
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(n=Count("pk"))
    )
    counted = {int(row["grassroots"]): row["n"] for row in members}
    return {
        int(row["grassroots"]): min(
            100.0, metrics.exact_percent(counted.get(int(row["grassroots"]), 0), row["n"]) or 0.0
        )
        for row in employees
        if row["n"]
    }


METRICS = (
    metrics.Metric(
        "unions.new_generation_recruits",
        _("New-generation migrant workers recruited"),
        metrics.PEOPLE,
        total=recruits_total,
        by_union=recruits_by_union,
        daily=recruits_daily,
        records_url=lambda union_id, start, end: metrics.records_list(
            "unions:recruit_list", union_id, since=start.isoformat(), until=end.isoformat()
        ),
    ),
    metrics.Metric(
        "unions.membership_rate",
        _("Membership rate (members ÷ employees of unionized enterprises)"),
        metrics.PERCENT,
        total=membership_rate_total,
        by_union=membership_rate_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "unions:member_list", union_id, status="active"
        ),
    ),
)
ATTENTION = (
    attention.Attention(
        "unions.applications",
        _("Online applications to join waiting for a decision"),
        count=lambda user, today: (
            JoinApplication.objects.for_user(user)
            .filter(status=JoinApplicationStatus.PENDING)
            .count()
        ),
        url=lambda: reverse("unions:application_list"),
        icon="bi-qr-code",
        order=10,
        acts=CHANGE,
    ),
)
