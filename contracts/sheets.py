"""The contracts app's sheets of the monthly Excel report: collective contracts and coverage
(T2), and workers' congresses and affairs disclosure (T6), by grassroots union."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import sheets
from cohesion_portal.sheets import COUNT, DECIMAL, PERCENT, Column, Table
from unions.metrics import by_grassroots

from .metrics import congress_coverage_by_grassroots_union, coverage_by_grassroots_union, expiring
from .models import CollectiveContract, Disclosure, PerformanceCheck
from .monthly_figures import congress_sessions_in_month, disclosures_in_month, signed_in_month


def _count(table: dict, union_id: int, name: str = "n") -> int:
    return table.get(union_id, {}).get(name, 0)


def contracts_sheet(report) -> list[Table]:
    reader, start, end = report.reader, report.month, report.end
    coverage = coverage_by_grassroots_union(end, user=reader)
    contracts = CollectiveContract.objects.for_user(reader)
    signed = signed_in_month(start, end)  # (as in the monthly progress report; all unions)
    ending = by_grassroots(expiring(end, user=reader), n=Count("pk"))
    checked = PerformanceCheck.objects.filter(contract=OuterRef("pk"), year=end.year)
    in_force = by_grassroots(
        contracts.in_force_on(end).annotate(checked=Exists(checked)),
        n=Count("pk"),
        checked=Count("pk", filter=Q(checked=True)),
    )
    rows = []
    for union_id, name, industry in report.unions:
        figures = coverage.get(union_id)
        unionized = figures.unionized if figures else 0
        covered = figures.covered if figures else 0
        workers = figures.workers if figures else 0
        workers_covered = figures.workers_covered if figures else 0
        rows.append(
            [
                name,
                industry,
                unionized,
                covered,
                sheets.percent(covered, unionized),
                workers,
                workers_covered,
                sheets.percent(workers_covered, workers),
                signed.get(union_id, 0),
                _count(ending, union_id),
                _count(in_force, union_id),
                _count(in_force, union_id, "checked"),
            ]
        )
    return [
        Table(
            columns=[
                Column(_("Union"), width=sheets.UNION_WIDTH),
                Column(_("Industry union"), width=10),
                Column(_("Unionized enterprises"), COUNT, width=11, total=sheets.SUM),
                Column(_("Enterprises covered"), COUNT, width=11, total=sheets.SUM),
                Column(_("Coverage"), PERCENT, width=10, total=sheets.rate_of(3, 2)),
                Column(_("Employees"), COUNT, width=11, total=sheets.SUM),
                Column(_("Employees covered"), COUNT, width=11, total=sheets.SUM),
                Column(_("Coverage of employees"), PERCENT, width=11, total=sheets.rate_of(6, 5)),
                Column(_("Signed this month"), COUNT, width=10, total=sheets.SUM),
                Column(_("Ending within 90 days"), COUNT, width=11, total=sheets.SUM),
                Column(_("Contracts in force"), COUNT, width=11, total=sheets.SUM),
                Column(_("Checked for performance this year"), COUNT, width=12, total=sheets.SUM),
            ],
            rows=rows,
            totals=True,
            note=_(
                "Coverage on %(day)s: enterprises with a union and a negotiated contract in force, "
                "their own or an industry or regional one (T2)."
            )
            % {"day": end},
        )
    ]


def congress_sheet(report) -> list[Table]:
    reader, start, end = report.reader, report.month, report.end
    coverage = congress_coverage_by_grassroots_union(end, user=reader)
    # (as in the monthly progress report, over all unions; rows only for the report's area)
    sessions = congress_sessions_in_month(start, end)
    this_month = disclosures_in_month(start, end)
    disclosures = Disclosure.objects.for_user(reader)
    this_year = by_grassroots(
        disclosures.filter(disclosed_on__range=(end.replace(month=1, day=1), end)), n=Count("pk")
    )
    rows = []
    for union_id, name, industry in report.unions:
        figures = coverage.get(union_id)
        unionized = figures.unionized if figures else 0
        covered = figures.covered if figures else 0
        year_count = _count(this_year, union_id)
        rows.append(
            [
                name,
                industry,
                unionized,
                covered,
                sheets.percent(covered, unionized),
                sessions.get(union_id, 0),
                this_month.get(union_id, 0),
                year_count,
                round(year_count / unionized, 2) if unionized else None,
            ]
        )
    return [
        Table(
            columns=[
                Column(_("Union"), width=sheets.UNION_WIDTH),
                Column(_("Industry union"), width=10),
                Column(_("Unionized enterprises"), COUNT, width=11, total=sheets.SUM),
                Column(_("Covered by a congress"), COUNT, width=11, total=sheets.SUM),
                Column(_("Congress rate"), PERCENT, width=10, total=sheets.rate_of(3, 2)),
                Column(_("Congress sessions this month"), COUNT, width=11, total=sheets.SUM),
                Column(_("Disclosures this month"), COUNT, width=11, total=sheets.SUM),
                Column(_("Disclosures this year"), COUNT, width=11, total=sheets.SUM),
                Column(
                    _("Disclosures per enterprise this year"),
                    DECIMAL,
                    width=12,
                    total=lambda rows: _ratio(rows, 7, 2),
                ),
            ],
            rows=rows,
            totals=True,
            note=_(
                "Covered by a congress: a workers' congress of the enterprise, or an industry or "
                "regional one, met in the twelve months to %(day)s (T6)."
            )
            % {"day": end},
        )
    ]


def _ratio(rows, top: int, bottom: int):
    whole = sum(row[bottom] or 0 for row in rows)
    return round(sum(row[top] or 0 for row in rows) / whole, 2) if whole else None


SHEETS = (
    sheets.Sheet("contracts.contracts", gettext_lazy("Contracts"), contracts_sheet, order=40),
    sheets.Sheet(
        "contracts.congresses",
        gettext_lazy("Congresses and disclosure"),
        congress_sheet,
        order=50,
    ),
)
