"""The standards app's sheet of the monthly Excel report: every grassroots union's scorecard and
grade in the period the month falls in, and the grade distribution with its chart."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cohesion_portal import sheets
from cohesion_portal.sheets import COUNT, DECIMAL, PERCENT, Chart, Column, Table

from .models import Grade, Scorecard
from .periods import latest_period


def scorecards_sheet(report) -> list[Table]:
    period = latest_period(report.end)
    if period is None:
        return [
            Table(
                columns=[Column(_("Union"), width=sheets.UNION_WIDTH)],
                rows=[],
                note=_("No scorecard yet."),
            )
        ]
    dimensions = list(period.scheme.dimensions.order_by("order", "pk").values_list("code", "name"))
    cards = {
        union_id: row
        for union_id, *row in Scorecard.objects.counted()
        .for_user(report.reader)
        .filter(period=period)
        .values_list(
            "union_id",
            "total",
            "grade",
            "trusted_home",
            "satisfaction",
            "final",
            "dimensions",
            "computed_at",
        )
    }
    ranked = sorted(cards.items(), key=lambda item: -item[1][0])
    rank = {union_id: position for position, (union_id, _row) in enumerate(ranked, start=1)}
    yes, no = _("yes"), _("no")
    grade_names = dict(Grade.choices)
    rows = []
    for union_id, name, industry in sorted(report.unions, key=lambda u: rank.get(u[0], 10**9)):
        card = cards.get(union_id)
        if card is None:
            rows.append(
                [None, name, industry, None, _("not scored"), None, None, None]
                + [None] * len(dimensions)
            )
            continue
        total, grade, trusted, satisfaction, final, scored, _computed_at = card
        points = {d["code"]: Decimal(d["points"]) for d in scored}
        rows.append(
            [
                rank[union_id],
                name,
                industry,
                float(total),
                str(grade_names.get(grade, grade)),
                yes if trusted else no,
                float(satisfaction) if satisfaction is not None else None,
                _("approved (final)") if final else _("provisional"),
            ]
            + [float(points[code]) if code in points else None for code, _name in dimensions]
        )
    columns = [
        Column(_("Rank"), COUNT, width=6),
        Column(_("Union"), width=sheets.UNION_WIDTH),
        Column(_("Industry union"), width=10),
        Column(_("Total"), DECIMAL, width=9),
        Column(_("Grade"), width=8),
        Column(_("Trusted home"), width=9),
        Column(_("Member satisfaction"), PERCENT, width=10),
        Column(_("Scorecard"), width=10),
    ] + [Column(str(dimension_name), DECIMAL, width=10) for _code, dimension_name in dimensions]
    # Over the report's unions only, so the distribution adds up to them.
    counts = {grade: 0 for grade, _label in Grade.choices}
    scored = [cards[union_id] for union_id, *_rest in report.unions if union_id in cards]
    for _total, grade, *_rest in scored:
        counts[grade] += 1
    distribution = [
        [
            str(grade_names[grade]),
            counts[grade],
            sheets.percent(counts[grade], len(report.unions)),
        ]
        for grade in (Grade.AAA, Grade.AA, Grade.A, Grade.NONE)
    ]
    distribution.append([_("not scored"), len(report.unions) - len(scored), None])
    return [
        Table(
            columns=columns,
            rows=rows,
            note=_scorecards_date_note(period, cards, report),
        ),
        Table(
            title=_("Grade distribution"),
            columns=[
                Column(_("Grade"), width=6),
                Column(_("Unions"), COUNT, width=30, total=sheets.SUM),
                Column(_("Share of grassroots unions"), PERCENT, width=10),
            ],
            rows=distribution,
            totals=True,
            chart=Chart(_("Unions by grade"), 0, (1,), kind="col", y_title=_("Unions")),
        ),
    ]


def _scorecards_date_note(period, cards, report) -> str:
    """Scorecards are kept as last computed, not as they stood on each day: say from when."""
    computed = max((row[-1] for row in cards.values()), default=None)
    if computed is None:
        return _("Period %(period)s; no scorecard is computed yet.") % {"period": period}
    return _(
        "Period %(period)s; scorecards as computed on %(date)s (the latest run), approved ones "
        "as approved; the report's month ends on %(end)s."
    ) % {
        "period": period,
        "date": timezone.localtime(computed).strftime("%Y-%m-%d %H:%M"),
        "end": report.end.isoformat(),
    }


SHEETS = (
    sheets.Sheet(
        "standards.scorecards",
        gettext_lazy("Scorecards and grades"),
        scorecards_sheet,
        order=20,
    ),
)
