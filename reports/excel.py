"""Writing the monthly Excel report: the registered sheets (cohesion_portal.sheets), streamed
with openpyxl's write-only mode so memory does not grow with the number of unions.

Each sheet: a title row, a frozen header row, number formats by column kind, a totals row,
landscape A4 fitted to the page width with the title rows repeated on every page, and the
tables' native charts. Every string is written as text: one that starts with =, +, - or @
(user text, a name) can never turn into a formula in Excel.
"""

from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cohesion_portal import metrics, sheets
from cohesion_portal.dates import month_label
from cohesion_portal.excel_cells import FORMULA_STARTS, clean_value, write_cell
from cohesion_portal.sheets import Column, ReportContext, Table

NUMBER_FORMATS = {
    sheets.COUNT: "#,##0",
    sheets.DECIMAL: "#,##0.00",
    # The portal's rates are 0–100; Excel's % format multiplies by 100, so show them as is.
    sheets.PERCENT: '0.0"%"',
    sheets.DATE: "yyyy-mm-dd",
    sheets.DATETIME: "yyyy-mm-dd hh:mm",
}
FONT = "Microsoft YaHei"  # falls back to the reader's CJK font where it is missing
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="BFBFBF")
HEADER_HEIGHT = 32  # points: two lines of a wrapped header


class _Styles:
    """One instance of each style: openpyxl then stores each once, not once per cell."""

    title = Font(name=FONT, size=14, bold=True)
    caption = Font(name=FONT, size=11, bold=True)
    header = Font(name=FONT, bold=True, color="FFFFFF")
    body = Font(name=FONT)
    bold = Font(name=FONT, bold=True)
    note = Font(name=FONT, italic=True, color="595959")
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    border = Border(top=THIN, bottom=THIN)


def write_report(
    context: ReportContext, out, progress: Callable[[int, int, str], None] | None = None
) -> list[str]:
    """Write every registered sheet for `context` to `out` (a path or a file). Returns the
    sheet titles. `progress(done, total, title)` is called after each sheet."""
    workbook = Workbook(write_only=True)
    workbook.iso_dates = True
    registered = sheets.all_sheets()
    titles = []
    try:
        for done, sheet in enumerate(registered, start=1):
            title = _safe_title(str(sheet.title), titles)
            _write_sheet(workbook, title, sheet.build(context), context)
            titles.append(title)
            if progress:
                progress(done, len(registered), title)
    except BaseException:
        _discard(workbook)
        raise
    workbook.save(out)
    return titles


def _discard(workbook) -> None:
    """A workbook given up halfway (a failure, or its job taken over): each sheet's temporary
    file goes now, not when the worker process ends (openpyxl keeps them until then)."""
    for worksheet in workbook.worksheets:
        if not worksheet.closed:
            worksheet.close()
        writer = getattr(worksheet, "_writer", None)
        if writer is not None and isinstance(writer.out, str):
            writer.cleanup()


def _safe_title(title: str, taken: list[str]) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in title)[:31]
    return title if title not in taken else f"{title[:28]}_{len(taken)}"


def _write_sheet(workbook, title: str, tables: list[Table], context: ReportContext) -> None:
    ws = workbook.create_sheet(title=title)
    styles = _Styles
    widths: dict[int, float] = {}
    for table in tables:
        for index, column in enumerate(table.columns, start=1):
            widths[index] = max(widths.get(index, 0), column.width)
    for index, width in widths.items():
        ws.column_dimensions[get_column_letter(index)].width = width

    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = _("Page &P of &N")
    # (& starts a control code in Excel's headers and footers: a name's own & is doubled)
    ws.oddFooter.right.text = f"{context.scope_label} · {context.month:%Y-%m}".replace("&", "&&")

    # The title row: the sheet, its first table's caption (a plan's name), the month, the area.
    parts = [title, tables[0].title if tables else "", month_label(context.month)]
    heading = " · ".join(part for part in [*parts, context.scope_label] if part)
    ws.append([write_cell(ws, heading, font=styles.title)])
    row_number = 1
    for position, table in enumerate(tables):
        if position:  # a blank row, then the table's caption, then its header
            ws.append([])
            row_number += 1
        if table.title and position:
            ws.append([write_cell(ws, table.title, font=styles.caption)])
            row_number += 1
        row_number += 1
        ws.row_dimensions[row_number].height = HEADER_HEIGHT  # (before the row is written)
        ws.append(
            [
                write_cell(
                    ws, str(c.header), font=styles.header, fill=HEADER_FILL, alignment=styles.centre
                )
                for c in table.columns
            ]
        )
        header_row = row_number
        for row in table.rows:
            ws.append(_body_row(ws, table.columns, row))
        row_number += len(table.rows)
        if table.totals and table.rows:
            ws.append(_totals_row(ws, table))
            row_number += 1
        if table.note:
            ws.append([write_cell(ws, table.note, font=styles.note)])
            row_number += 1
        if table.chart and table.rows:
            _add_chart(ws, table, header_row, len(table.rows))


def _unit_format(unit: str) -> str:
    if unit in (metrics.PEOPLE, metrics.UNITS):
        return NUMBER_FORMATS[sheets.COUNT]
    if unit == metrics.PERCENT:
        return NUMBER_FORMATS[sheets.PERCENT]
    return NUMBER_FORMATS[sheets.DECIMAL]


def _body_row(ws, columns: Sequence[Column], row: Sequence) -> list:
    """The cells of a row. Plain values where no style is needed (most text): the writer is
    measured against bare openpyxl (bench/), and a styled cell costs several times a plain one.
    A plain string is safe only when it cannot be read as a formula, after cleaning."""
    cells = []
    for column, value in zip(columns, row, strict=True):
        if value is None or value == "":
            cells.append(None)
            continue
        if isinstance(value, sheets.Measured):
            cells.append(write_cell(ws, value.value, number_format=_unit_format(value.unit)))
            continue
        if column.kind != sheets.TEXT:
            cells.append(write_cell(ws, value, number_format=NUMBER_FORMATS[column.kind]))
            continue
        text = clean_value(str(value))
        if text.startswith(FORMULA_STARTS):
            cells.append(write_cell(ws, text))
        elif column.width >= 30 and len(text) > column.width:
            cells.append(write_cell(ws, text, alignment=_Styles.wrap))
        else:
            cells.append(text)
    return cells


def _totals_row(ws, table: Table) -> list:
    cells = []
    for index, column in enumerate(table.columns):
        if index == 0:
            value = _("Total")
        elif column.total == sheets.SUM:
            value = sum(row[index] or 0 for row in table.rows)
        elif callable(column.total):
            value = column.total(table.rows)
        else:
            value = None
        number_format = NUMBER_FORMATS.get(column.kind) if column.kind != sheets.TEXT else None
        cells.append(
            write_cell(
                ws,
                value,
                font=_Styles.bold,
                fill=TOTAL_FILL,
                border=_Styles.border,
                number_format=number_format,
            )
        )
    return cells


def _add_chart(ws, table: Table, header_row: int, rows: int) -> None:
    spec = table.chart
    chart = BarChart()
    chart.type = spec.kind
    chart.title = spec.title
    chart.style = 10
    chart.y_axis.title = spec.y_title or None
    chart.y_axis.majorGridlines = None if spec.kind == "bar" else chart.y_axis.majorGridlines
    chart.height = max(7.5, min(0.6 * rows + 3, 20))
    chart.width = 18
    chart.legend = None if len(spec.value_columns) == 1 else chart.legend
    for column in spec.value_columns:
        data = Reference(
            ws,
            min_col=column + 1,
            max_col=column + 1,
            min_row=header_row,
            max_row=header_row + rows,
        )
        chart.add_data(data, titles_from_data=True)
    categories = Reference(
        ws,
        min_col=spec.category_column + 1,
        max_col=spec.category_column + 1,
        min_row=header_row + 1,
        max_row=header_row + rows,
    )
    chart.set_categories(categories)
    if spec.percent:
        chart.y_axis.scaling.min = 0
        chart.y_axis.numFmt = '0"%"'
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    anchor = get_column_letter(len(table.columns) + 2)
    ws.add_chart(chart, f"{anchor}{header_row}")
