"""The assistance app's sheet of the monthly Excel report: hardship files, aid, appeals and
love supermarkets by grassroots union, as figures (the report goes to readers without the
assistance permission: no worker is named)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import sheets
from cohesion_portal.sheets import COUNT, DECIMAL, PERCENT, Column, Table

from .metrics import supermarket_units_grouped
from .monthly_figures import (
    aid_given,
    answered_counts,
    appeals_received,
    files_open_at_end,
    overdue_at_end,
    rated_counts,
)


def assistance_sheet(report) -> list[Table]:
    start, end = report.month, report.end
    files = files_open_at_end(start, end)
    received = appeals_received(start, end)
    answered = answered_counts(start, end)
    overdue = overdue_at_end(start, end)
    rated = rated_counts(start, end)
    units = supermarket_units_grouped(start, end)
    aid = aid_given(start, end)
    rows = []
    for union_id, name, industry in report.unions:
        done, opinions = answered.get(union_id, {}), rated.get(union_id, {})
        given = aid.get(union_id, {})
        rows.append(
            [
                name,
                industry,
                files.get(union_id, 0),
                given.get("beneficiaries", 0),
                given.get("value", 0),
                received.get(union_id, 0),
                done.get("n", 0),
                done.get("in_time", 0),
                sheets.percent(done.get("in_time", 0), done.get("n", 0)),
                overdue.get(union_id, 0),
                opinions.get("n", 0),
                opinions.get("satisfied", 0),
                sheets.percent(opinions.get("satisfied", 0), opinions.get("n", 0)),
                units.get(union_id, 0),
            ]
        )
    return [
        Table(
            columns=[
                Column(_("Union"), width=sheets.UNION_WIDTH),
                Column(_("Industry union"), width=10),
                Column(_("Hardship files open"), COUNT, width=11, total=sheets.SUM),
                Column(_("Helped this month"), COUNT, width=10, total=sheets.SUM),
                Column(_("Aid given (yuan)"), DECIMAL, width=12, total=sheets.SUM),
                Column(_("Appeals received"), COUNT, width=10, total=sheets.SUM),
                Column(_("Appeals answered"), COUNT, width=10, total=sheets.SUM),
                Column(_("Answered in time"), COUNT, width=10, total=sheets.SUM),
                Column(_("In time"), PERCENT, width=10, total=sheets.rate_of(7, 6)),
                Column(_("Overdue at the end"), COUNT, width=10, total=sheets.SUM),
                Column(_("Rated by the worker"), COUNT, width=10, total=sheets.SUM),
                Column(_("Satisfied"), COUNT, width=10, total=sheets.SUM),
                Column(_("Satisfaction"), PERCENT, width=10, total=sheets.rate_of(11, 10)),
                Column(_("Units covered by a love supermarket"), COUNT, width=12, total=sheets.SUM),
            ],
            rows=rows,
            totals=True,
            note=_(
                "Appeals count for the union answering them; in time: answered by the deadline "
                "in working days; satisfaction: satisfied or basically satisfied, of those rated "
                "in the month. Files and love supermarkets (T7) on %(day)s."
            )
            % {"day": end},
        )
    ]


SHEETS = (
    sheets.Sheet(
        "assistance.assistance", gettext_lazy("Assistance and appeals"), assistance_sheet, order=110
    ),
)
