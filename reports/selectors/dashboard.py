"""The industry dashboard: every target, what needs attention, grades and where each union
stands, all computed live in the user's area (narrowed by the filters: an industry union, an
area cadre's unions, an assessment period), in a number of queries that does not grow with the
data.

Speed: every figure is read through one `metrics.remembering` reader, so what several parts
show is read once: T1 (the card, its trend, the chart by month, the unions behind on
recruitment) is one query over the recruits by union and day; T2's coverage today serves its
card and the enterprises without a contract.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Sum
from django.urls import reverse

from cohesion_portal import attention, data_version, metrics
from cohesion_portal.access import scope_for
from cohesion_portal.area import narrowed_reader, with_area
from cohesion_portal.dates import month_label
from standards.metrics import grade_series
from standards.models import Period, Plan, Scorecard
from standards.periods import latest_period
from standards.shares import area_targets, running_plan
from standards.targets import TargetState
from unions.metrics import grassroots_of, new_generation_recruits, recruits_by_month
from unions.models import Enterprise

TOP = 10
CHART_MONTHS = 12


@dataclass
class Dashboard:
    plan: Plan | None
    targets: list[TargetState]
    attention: list  # [(Attention, count, url in the area)]
    period: Period | None
    grades: dict | None
    top: list
    treemap: list
    recruits_by_month: list  # [{"month", "recruits", "cumulative", "pace"}]
    grade_trend: list = field(default_factory=list)  # [{"period", "aaa", "aa", "a", "none"}]
    area: dict = field(default_factory=dict)  # the filters' area parameters, for the links

    def link(self, url: str) -> str:
        """`url` narrowed to the dashboard's area."""
        return with_area(url, self.area)


def industry_dashboard(
    user,
    today: datetime.date,
    *,
    industry_union: int | None = None,
    cadre: int | None = None,
    period: Period | None = None,
) -> Dashboard:
    """The dashboard of `user`'s area, narrowed to `industry_union` and `cadre`'s unions,
    with the grades of `period` (default: the latest). Cached until the next write anywhere
    (data_version): what it shows depends on the area, the day and the period only."""
    area = {
        name: value
        for name, value in (("industry_union", industry_union), ("cadre", cadre))
        if value is not None
    }
    reader = narrowed_reader(user, **area)
    return data_version.cached(
        "dashboard",
        (scope_for(reader), sorted(area.items()), period.pk if period else None, today),
        lambda: _computed_dashboard(metrics.remembering(reader), today, area, period),
    )


def _computed_dashboard(reader, today, area, period) -> Dashboard:
    plan = running_plan(today, user=reader)
    # Each against the area's share of it (the whole target for a view of the whole system).
    owed = area_targets(today, user=reader) if plan else []
    targets = [row.state for row in owed]
    period = period or latest_period(today)
    series = grade_series(reader)
    cards = (
        Scorecard.objects.counted().for_user(reader).filter(period=period).select_related("union")
    )
    dashboard = Dashboard(
        plan=plan,
        targets=targets,
        attention=[],
        period=period,
        grades=next((row for row in series if row["period"] == period), None),
        top=list(cards.order_by("-total", "union__name")[:TOP]) if period else [],
        treemap=_treemap(reader, cards) if period else [],
        recruits_by_month=_recruits_by_month(reader, today, plan, owed),
        grade_trend=[
            {key: row[key] for key in ("aaa", "aa", "a", "none")} | {"period": str(row["period"])}
            for row in series
        ],
        area=area,
    )
    dashboard.attention = [
        (item, count, dashboard.link(item.url()))
        for item, count in attention.counted(reader, today)
    ]
    return dashboard


def _treemap(user, cards) -> list[dict]:
    """Every grassroots union in the area: its size (employees of its unionized enterprises)
    and its score, for the map of where things stand."""
    employees = dict(
        Enterprise.objects.for_user(user)
        .filter(union__isnull=False)
        .annotate(grassroots=grassroots_of("union__path"))
        .values("grassroots")
        .annotate(n=Sum("headcount"))
        .values_list("grassroots", "n")
    )
    # Plain rows, not model objects: two thousand unions at scale L.
    url = reverse("standards:scorecard", args=[0]).removesuffix("0/")
    rows = cards.values_list("pk", "union_id", "union__name", "total", "grade")
    return [
        {
            "name": name,
            "value": employees.get(f"{union_id:08d}", 0) or 1,
            "score": float(total),
            "grade": grade,
            "url": f"{url}{pk}/",
        }
        for pk, union_id, name, total, grade in rows
    ]


def _months(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def _recruits_by_month(user, today, plan, owed) -> list[dict]:
    """T1's pace: new-generation recruits in each month of the plan so far (the last twelve),
    with the running total and the pace of the area's share (what is due of it by each month's
    end, standards.shares), from the same daily series as the T1 card: no query of its own."""
    row = next(
        (r for r in owed if r.state.metric is not None and r.state.metric.daily is not None), None
    )
    if row is None or today < plan.starts_on:
        return _recruits_by_month_without_plan(user, today)
    state, since = row.state, plan.starts_on
    target = state.target
    as_of = min(today, target.deadline)
    days = state.metric.daily(since, as_of, user=user)  # (read once already: remembered)
    months = _months(since, as_of)
    by_month = dict.fromkeys(months, 0)
    for day, n in days.items():
        by_month[day.replace(day=1)] += n
    rows, cumulative = [], 0
    for month in months:
        cumulative += by_month[month]
        month_end = min(
            as_of, (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        )
        rows.append(
            {
                "month": month.strftime("%Y-%m"),
                "label": month_label(month),  # (the chart's: 2026年10月)
                "recruits": by_month[month],
                "cumulative": cumulative,
                "pace": round(row.share.owed(month_end), 1) if row.is_count else None,
            }
        )
    return rows[-CHART_MONTHS:]


def _recruits_by_month_without_plan(user, today) -> list[dict]:
    """Without a running plan: the last twelve months, each person counted once from the
    first of them."""
    start = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    counts = recruits_by_month(new_generation_recruits(start=start, end=today, user=user))
    rows, cumulative = [], 0
    for month in _months(start, today):
        cumulative += counts.get(month, 0)
        rows.append(
            {
                "month": month.strftime("%Y-%m"),
                "label": month_label(month),  # (the chart's: 2026年10月)
                "recruits": counts.get(month, 0),
                "cumulative": cumulative,
                "pace": None,
            }
        )
    return rows
