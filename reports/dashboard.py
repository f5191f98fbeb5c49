"""The industry dashboard: every target, what needs attention, grades and where each union
stands, all computed live in the user's area, in a number of queries that does not grow with
the data."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.urls import reverse

from cohesion_portal import attention
from standards.metrics import grade_series
from standards.models import Plan, Scorecard
from standards.periods import latest_period
from standards.targets import TargetState, evaluate
from unions.metrics import grassroots_of, new_generation_recruits, recruits_by_month
from unions.models import Enterprise

TOP = 10


@dataclass
class Dashboard:
    plan: Plan | None
    targets: list[TargetState]
    attention: list
    period: object
    grades: dict | None
    top: list
    treemap: list
    recruits_by_month: list


def current_plan(today: datetime.date) -> Plan | None:
    """The plan running today; else the one that started last."""
    plans = Plan.objects.filter(starts_on__lte=today).order_by("-starts_on")
    return plans.filter(ends_on__gte=today).first() or plans.first()


def industry_dashboard(user, today: datetime.date) -> Dashboard:
    plan = current_plan(today)
    targets = (
        [evaluate(target, today=today, user=user) for target in plan.targets.all()] if plan else []
    )
    period = latest_period(today)
    series = {row["period"].pk: row for row in grade_series(user)}
    cards = Scorecard.objects.for_user(user).filter(period=period).select_related("union")
    return Dashboard(
        plan=plan,
        targets=targets,
        attention=attention.counted(user, today),
        period=period,
        grades=series.get(period.pk) if period else None,
        top=list(cards.order_by("-total", "union__name")[:TOP]) if period else [],
        treemap=_treemap(user, cards) if period else [],
        recruits_by_month=_recruits_by_month(user, today),
    )


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


def _recruits_by_month(user, today) -> list[tuple[str, int]]:
    """New-generation recruits in each of the last twelve months (T1's pace)."""
    start = (today.replace(day=1) - datetime.timedelta(days=335)).replace(day=1)
    counts = recruits_by_month(new_generation_recruits(start=start, end=today, user=user))
    months, month = [], start
    while month <= today:
        months.append((month.strftime("%Y-%m"), counts.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months
