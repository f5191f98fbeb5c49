"""What the example app adds to the shared pages: one of each (cohesion_portal.plugins)."""

from django.urls import reverse

from cohesion_portal import metrics, monthly_figures
from cohesion_portal.attention import Attention
from cohesion_portal.navigation import Page
from cohesion_portal.reminder_rules import Due, Rule
from cohesion_portal.sheets import Column, Sheet, Table
from unions.metrics import count_by_grassroots

from .models import Visit


def visits_by_union(start, end, *, path=None) -> dict[int, int]:
    visits = Visit.objects.filter(visited_on__range=(start, end))
    return count_by_grassroots(visits.filter(union__path__startswith=path) if path else visits)


def visits_total(day, *, since, user) -> int:
    return Visit.objects.for_user(user).filter(visited_on__range=(since, day)).count()


def visits_sheet(report) -> list[Table]:
    counted = visits_by_union(report.month, report.end)
    rows = [[name, counted.get(pk, 0)] for pk, name, _industry in report.unions]
    return [Table([Column("union", width=40), Column("visits", "count", total="sum")], rows)]


def follow_ups_due(today):
    for pk, union_id, worker in Visit.objects.needing_follow_up().values_list(
        "pk", "union_id", "worker"
    ):
        yield Due(union_id, f"example.follow_up:{pk}", worker, reverse("example:visit_list"))


PAGES = [Page("assistance", "Visits", "example:visit_list", "bi-house-heart")]
METRICS = [
    metrics.Metric(
        "example.visits",
        "Visits",
        metrics.UNITS,
        total=visits_total,
        by_union=visits_by_union,
        assesses=("hardship",),
        records_url=lambda union_id, start, end: metrics.records_list(
            "example:visit_list", union_id
        ),
    )
]
MONTHLY_FIGURES = [
    monthly_figures.from_grouped("example.visits", "Visits", metrics.UNITS, visits_by_union)
]
SHEETS = [Sheet("example.visits", "Visits", visits_sheet, order=900)]
ATTENTION = [
    Attention(
        "example.follow_up",
        "Visits needing a follow-up",
        count=lambda user, today: Visit.objects.for_user(user).needing_follow_up().count(),
        url=lambda: f"{reverse('example:visit_list')}?follow_up=true",
    )
]
REMINDER_RULES = [Rule("example.follow_up", "Follow up the visit", follow_ups_due)]
DEMO = "tests.example_app.demo"
WALK_BUILDERS = "tests.example_app.builders"
