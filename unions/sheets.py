"""The unions app's sheet of the monthly Excel report: membership and recruitment by grassroots
union."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import plan_periods, sheets
from cohesion_portal.sheets import COUNT, PERCENT, Column, Table

from .metrics import by_grassroots, new_generation_recruits, recruits_by_grassroots_union
from .models import Enterprise
from .monthly_figures import members_at_end, new_members_in_month


def membership_sheet(report) -> list[Table]:
    """For each grassroots union: its unionized enterprises and their employees, its members at
    the end of the month and the membership rate, who joined in the month, and T1 (new-
    generation migrant workers recruited) in the month and since the plan began."""
    reader, start, end = report.reader, report.month, report.end
    enterprises = by_grassroots(
        Enterprise.objects.for_user(reader).filter(union__isnull=False, unionized_on__lte=end),
        enterprises=Count("pk"),
        employees=Sum("headcount", default=0),
    )
    # (the same figures as the monthly progress report's, over all unions; the rows below are
    # only the unions of the report's area)
    members = members_at_end(start, end)
    joined = new_members_in_month(start, end)
    since = report.since or plan_periods.start_on(start)
    recruits_month = recruits_by_grassroots_union(
        new_generation_recruits(start=start, end=end, period_start=since, user=reader)
    )
    recruits_plan = recruits_by_grassroots_union(
        new_generation_recruits(start=since, end=end, period_start=since, user=reader)
    )
    rows = []
    for union_id, name, industry in report.unions:
        firms = enterprises.get(union_id, {})
        employees = firms.get("employees", 0)
        member_count = members.get(union_id, 0)
        rows.append(
            [
                name,
                industry,
                firms.get("enterprises", 0),
                employees,
                member_count,
                _membership_rate(member_count, employees),
                joined.get(union_id, 0),
                recruits_month.get(union_id, 0),
                recruits_plan.get(union_id, 0),
            ]
        )
    return [
        Table(
            columns=[
                Column(_("Union"), width=sheets.UNION_WIDTH),
                Column(_("Industry union"), width=10),
                Column(_("Unionized enterprises"), COUNT, width=11, total=sheets.SUM),
                Column(_("Employees"), COUNT, width=11, total=sheets.SUM),
                Column(_("Members at month end"), COUNT, width=11, total=sheets.SUM),
                Column(_("Membership rate"), PERCENT, width=11, total=sheets.rate_of(4, 3)),
                Column(_("Joined this month"), COUNT, width=11, total=sheets.SUM),
                Column(_("New-generation recruits this month"), COUNT, width=13, total=sheets.SUM),
                Column(
                    _("New-generation recruits in the plan period"),
                    COUNT,
                    width=13,
                    total=sheets.SUM,
                ),
            ],
            rows=rows,
            totals=True,
            note=_(
                "Members at month end: memberships open on %(day)s. The plan period counts "
                "from %(since)s."
            )
            % {"day": end, "since": since},
        )
    ]


def _membership_rate(members, employees):
    """The membership rate shown (%, capped at 100 as the scoring caps it)."""
    rate = sheets.percent(members, employees)
    return min(100.0, rate) if rate is not None else None


SHEETS = (
    sheets.Sheet(
        "unions.membership",
        gettext_lazy("Membership and recruitment"),
        build=membership_sheet,
        order=30,
    ),
)
