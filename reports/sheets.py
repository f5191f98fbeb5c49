"""The reports app's sheets of the monthly Excel report: the summary against the plan's targets,
and who has submitted the month's progress report."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import sheets
from cohesion_portal.access import scope_for
from cohesion_portal.sheets import COUNT, DATETIME, DECIMAL, PERCENT, TEXT, Chart, Column, Table
from standards.shares import area_targets, running_plan
from unions.models import Enterprise
from unions.monthly_figures import members_at_end

from .models import MonthlyReport, MonthlyReportStatus
from .selectors.monthly import is_late
from .services.monthly import SUBMITTED


def summary_sheet(report) -> list[Table]:
    """Every target of the plan running at the end of the month, in the report's area, as the
    dashboard's cards show them on that day (a count against the area's share of it, the
    whole target for the whole system); then the area's headline counts."""
    plan = running_plan(report.end, user=report.reader)
    states = [row.state for row in area_targets(report.end, user=report.reader)]
    whole = scope_for(report.reader).everything
    rows = [
        [
            state.target.code,
            state.target.title,
            state.metric.unit_label if state.metric else "",
            sheets.measured(state.goal, state.unit),
            sheets.measured(state.current, state.unit),
            state.share,
            sheets.measured(state.projected, state.unit),
            str(state.status_label),
        ]
        for state in states
    ]
    targets = Table(
        title=plan.name if plan else _("No plan is running."),
        columns=[
            Column(_("Code"), width=7),
            Column(_("Target"), width=44),
            Column(_("Unit"), width=9),
            Column(_("Target value") if whole else _("The area's share"), DECIMAL, width=12),
            Column(_("Current value"), DECIMAL, width=12),
            Column(_("Share achieved"), PERCENT, width=12),
            Column(_("Projected at the deadline"), DECIMAL, width=14),
            Column(_("Status"), width=12),
        ],
        rows=rows,
        chart=Chart(_("Share of each target achieved"), 0, (5,), kind="bar", percent=True),
        note=_("Values as of %(day)s, in the area of the report.") % {"day": report.end},
    )
    return [targets, _overview(report)]


def _overview(report) -> Table:
    """The area's headline counts at the end of the month (today for the month under way)."""
    end = report.end
    unionized = (
        Enterprise.objects.for_user(report.reader)
        .filter(union__isnull=False, unionized_on__lte=end)
        .count()
    )
    at_end = members_at_end(report.month, end)
    members = sum(at_end.get(pk, 0) for pk in report.union_ids)
    return Table(
        title=_("The area in numbers"),
        # (the first column stays narrow for the targets' codes above: the figure goes in the
        # second, wide one)
        columns=[Column(""), Column(_("Figure"), width=44), Column(_("Value"), COUNT, width=9)],
        rows=[
            ["", _("Grassroots unions"), len(report.unions)],
            ["", _("Unionized enterprises"), unionized],
            ["", _("Members at month end"), members],
        ],
    )


def submissions_sheet(report) -> list[Table]:
    """Each grassroots union's progress report for the month: its status and what it wrote."""
    reports = {
        row.union_id: row
        for row in MonthlyReport.objects.for_user(report.reader).filter(month=report.month)
    }
    not_started = _("not started")
    today = timezone.localdate()
    rows = []
    for union_id, name, industry in report.unions:
        found = reports.get(union_id)
        handed = found is not None and found.status in SUBMITTED
        rows.append(
            [
                name,
                industry,
                found.get_status_display() if found else not_started,
                found.submitted_at if found else None,
                _("late")
                if is_late(report.month, found.submitted_at if handed else None, today)
                else "",
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
                Column(_("Union"), width=sheets.UNION_WIDTH),
                Column(_("Industry union"), width=10),
                Column(_("Status"), width=12),
                Column(_("Submitted at"), DATETIME, width=17),
                Column(_("Late"), width=8),
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


SHEETS = (
    sheets.Sheet("reports.summary", gettext_lazy("Summary"), build=summary_sheet, order=10),
    sheets.Sheet(
        "reports.submissions",
        gettext_lazy("Monthly progress reports"),
        build=submissions_sheet,
        order=90,
    ),
)
