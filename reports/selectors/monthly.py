"""Reads of the monthly progress report (月报): which unions owe a report, where each stands for a
month, the counts by status. The status page, the attention item and the reminder rules all
count through here, so their numbers agree."""

import datetime

from django.db.models import Count, DateTimeField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal import monthly_figures
from cohesion_portal.dates import previous_month
from unions.models import Union

from ..models import MonthlyReport
from ..models import MonthlyReportStatus as Status
from ..services.monthly import (
    OUTSTANDING,
    SUBMITTED,
    due_date,
)

NOT_STARTED = "not_started"
# What the status page shows for each union: the report's status, or "not started".
STATE_CHOICES = [(NOT_STARTED, _("not started")), *Status.choices]
# The page's status filter: each state, and the two groups the buttons and counts use.
OUTSTANDING_STATES = (NOT_STARTED, *OUTSTANDING)
SUBMITTED_STATES = tuple(SUBMITTED)
FILTER_CHOICES = [
    ("outstanding", _("not submitted (not started, draft or returned)")),
    ("in", _("submitted or accepted")),
    *STATE_CHOICES,
]


def is_late(month: datetime.date, submitted_at, today: datetime.date) -> bool:
    """Submitted after its due day (the 5th of the next month), or still not submitted once
    that day has passed."""
    due = due_date(month)
    if submitted_at is None:
        return today > due
    return timezone.localdate(submitted_at) > due


def parse_month(value) -> datetime.date | None:
    """ "2026-10" (or "2026-10-01") → 2026-10-01; None for anything else."""
    try:
        year, month = str(value or "").split("-")[:2]
        return datetime.date(int(year), int(month), 1)
    except (TypeError, ValueError):
        return None


def report_month_default(today: datetime.date) -> datetime.date:
    """The month the industry union follows: the last one (due on the 5th of this month)."""
    return previous_month(today)


def expected_unions(unions=None):
    """Grassroots unions that owe a monthly report: every active one (of `unions`, a Union
    queryset already narrowed to a scope)."""
    unions = Union.objects.all() if unions is None else unions
    return unions.counted()


def with_state(unions, month: datetime.date):
    """`unions` annotated with their report of `month`: `state` (a status, or "not started"),
    `report_id`, `submitted_at`. Subqueries over the (union, month) unique index."""
    report = MonthlyReport.objects.filter(union=OuterRef("pk"), month=month)
    return unions.annotate(
        state=Coalesce(Subquery(report.values("status")[:1]), Value(NOT_STARTED)),
        report_id=Subquery(report.values("pk")[:1]),
        submitted_at=Subquery(
            report.values("submitted_at")[:1], output_field=DateTimeField(null=True)
        ),
    )


def filter_state(unions, value: str):
    """Narrow `with_state(...)` rows to a state or one of the two groups."""
    if value == "outstanding":
        return unions.filter(state__in=OUTSTANDING_STATES)
    if value == "in":
        return unions.filter(state__in=SUBMITTED_STATES)
    if value in dict(STATE_CHOICES):
        return unions.filter(state=value)
    return unions


def state_counts(unions, month: datetime.date) -> dict[str, int]:
    """{state: unions}, every state present (0 when none), plus "outstanding", "in" and
    "total": one query."""
    rows = with_state(unions, month).values("state").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(dict(STATE_CHOICES), 0)
    counts.update({row["state"]: row["n"] for row in rows})
    counts["outstanding"] = sum(counts[s] for s in OUTSTANDING_STATES)
    counts["in"] = sum(counts[s] for s in SUBMITTED_STATES)
    counts["total"] = counts["outstanding"] + counts["in"]
    return counts


def outstanding(unions, month: datetime.date):
    """Of `unions` (grassroots, expected), those whose report of `month` is not submitted."""
    done = MonthlyReport.objects.filter(month=month, status__in=SUBMITTED).values("union_id")
    return unions.exclude(pk__in=done)


def workbench_report(union, today: datetime.date) -> dict:
    """For the officer's workbench: the month the union works on now (last month until its
    report is submitted, then this one) and that month's report, if begun. One query."""
    this_month, last = today.replace(day=1), previous_month(today)
    reports = {
        report.month: report
        for report in MonthlyReport.objects.filter(union=union, month__in=[last, this_month])
    }
    done = reports.get(last) is not None and reports[last].status in SUBMITTED
    month = this_month if done else last
    late = month < this_month and today > due_date(month)
    return {"month": month, "report": reports.get(month), "late": late}


def figure_rows(report_figures: dict) -> list[dict]:
    """The report's figures in the registry's order; a figure no longer registered keeps its
    key as its name, one registered after the report was sent shows no value."""
    rows = []
    for figure in monthly_figures.figures():
        rows.append(
            {
                "label": figure.label,
                "help": figure.help_text,
                "unit": figure.unit,
                "value": report_figures.get(figure.key),
            }
        )
    known = {figure.key for figure in monthly_figures.figures()}
    for key, value in report_figures.items():
        if key not in known:
            rows.append({"label": key, "help": "", "unit": "", "value": value})
    return rows


STEP_LABELS = {
    Status.DRAFT: _("Report begun"),
    Status.SUBMITTED: _("Submitted"),
    Status.RETURNED: _("Returned for changes"),
    Status.ACCEPTED: _("Accepted"),
}


def status_steps(report) -> list[dict]:
    """The report's way so far, from its history: begun, submitted, returned, accepted (saves
    that changed no status are left out)."""
    steps, previous = [], None
    records = report.history.select_related("history_user").order_by("history_date", "history_id")
    for record in records:
        status = record.status
        if previous is None or status != previous.status:
            again = status == Status.SUBMITTED and previous and previous.status == Status.RETURNED
            steps.append(
                {
                    "label": _("Submitted again") if again else STEP_LABELS[status],
                    "status": status,
                    "user": record.history_user,
                    "at": record.history_date,
                    "comment": record.review_comment
                    if status in (Status.RETURNED, Status.ACCEPTED)
                    else "",
                }
            )
        previous = record
    return steps


UNFILLED_WINDOW = 12  # months back that a union's list reminds it of


def unfilled_months(union, today: datetime.date, *, since: datetime.date) -> list[datetime.date]:
    """The months from `since` (a plan's start; at most a year back) to last month for which
    the union has no report at all: its list shows them as 未填报, each a link to fill."""
    last = previous_month(today)
    month = max(since.replace(day=1), last)
    for _step in range(UNFILLED_WINDOW - 1):
        earlier = previous_month(month)
        if earlier < since.replace(day=1):
            break
        month = earlier
    filed = set(MonthlyReport.objects.filter(union=union).values_list("month", flat=True))
    months = []
    while month <= last:
        if month not in filed:
            months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months
