"""The reports app's sheets of the monthly Excel report: the summary against the plan's targets,
and who has submitted the month's progress report."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import metrics, sheets
from cohesion_portal.sheets import COUNT, DATETIME, PERCENT, TEXT, Chart, Column, Table
from standards.targets import evaluate
from unions.models import Enterprise, Member

from .dashboard import current_plan
from .models import MonthlyReport, MonthlyReportStatus


def _value_kind(unit: str) -> str:
    return PERCENT if unit == metrics.PERCENT else sheets.DECIMAL


def summary_sheet(report) -> list[Table]:
    """Every target of the plan running at the end of the month, in the report's area, as the
    dashboard's cards show them on that day; then the headline counts."""
    plan = current_plan(report.end)
    rows = []
    if plan is not None:
        for target in plan.targets.all():
            state = evaluate(target, today=report.end, user=report.reader)
            unit = state.metric.unit_label if state.metric else ""
            rows.append(
                [
                    target.code,
                    target.title,
                    unit,
                    _number(target.value),
                    _number(state.current),
                    state.share,
                    _number(state.projected),
                    str(state.status_label),
                ]
            )
    targets = Table(
        title=plan.name if plan else _("No plan is running."),
        columns=[
            Column(_("Code"), width=7),
            Column(_("Target"), width=44),
            Column(_("Unit"), width=9),
            Column(_("Target value"), sheets.DECIMAL, width=12),
            Column(_("Current value"), sheets.DECIMAL, width=12),
            Column(_("Share achieved"), PERCENT, width=12),
            Column(_("Projected at the deadline"), sheets.DECIMAL, width=14),
            Column(_("Status"), width=12),
        ],
        rows=rows,
        chart=Chart(_("Share of each target achieved"), 0, (5,), kind="bar", percent=True),
        note=_("Values as of %(day)s, in the area of the report.") % {"day": report.end},
    )
    unionized = Q(union__isnull=False)
    enterprises = Enterprise.objects.for_user(report.reader).aggregate(
        total=Count("pk"), unionized=Count("pk", filter=unionized)
    )
    overview = Table(
        title=_("The area in numbers"),
        columns=[Column(_("Figure"), width=7), Column(_("Value"), COUNT, width=44)],
        rows=[
            [_("Grassroots unions"), len(report.unions)],
            [_("Enterprises"), enterprises["total"]],
            [_("Unionized enterprises"), enterprises["unionized"]],
            [_("Active members"), Member.objects.for_user(report.reader).active().count()],
        ],
    )
    return [targets, overview]


def _number(value):
    return float(value) if value is not None else None


def submissions_sheet(report) -> list[Table]:
    """Each grassroots union's progress report for the month: its status and what it wrote."""
    reports = {
        row.union_id: row
        for row in MonthlyReport.objects.for_user(report.reader).filter(month=report.month)
    }
    not_started = _("not started")
    rows = []
    for union_id, name, industry in report.unions:
        found = reports.get(union_id)
        rows.append(
            [
                name,
                industry,
                found.get_status_display() if found else not_started,
                found.submitted_at if found else None,
                found.reviewed_at if found else None,
                found.work_done if found else "",
                found.problems if found else "",
                found.next_month if found else "",
                found.review_comment if found else "",
            ]
        )
    handed_in = (MonthlyReportStatus.SUBMITTED, MonthlyReportStatus.ACCEPTED)
    submitted = sum(1 for found in reports.values() if found.status in handed_in)
    return [
        Table(
            columns=[
                Column(_("Union"), width=30),
                Column(_("Industry union"), width=10),
                Column(_("Status"), width=12),
                Column(_("Submitted at"), DATETIME, width=17),
                Column(_("Reviewed at"), DATETIME, width=17),
                Column(_("Work done this month"), TEXT, width=40),
                Column(_("Problems and difficulties"), TEXT, width=30),
                Column(_("Plan for next month"), TEXT, width=30),
                Column(_("Comments of the industry union"), TEXT, width=30),
            ],
            rows=rows,
            note=_("%(submitted)d of %(total)d unions have submitted.")
            % {"submitted": submitted, "total": len(report.unions)},
        )
    ]


def register_sheets() -> None:
    sheets.register(
        sheets.Sheet("reports.summary", gettext_lazy("Summary"), build=summary_sheet, order=10)
    )
    sheets.register(
        sheets.Sheet(
            "reports.submissions",
            gettext_lazy("Monthly progress reports"),
            build=submissions_sheet,
            order=90,
        )
    )
