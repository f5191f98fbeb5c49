"""Hardship files as an Excel workbook, in the import template's columns (a workbook exported
here with whole numbers imports again: its open files; the closed ones, marked 已关闭 in the
state column, are refused), with the file's state at the right. ID numbers and phones are
masked unless the person asked for them whole and may have them (views.file_export)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cohesion_portal.excel_cells import write_cell
from unions.id_numbers import mask_id_number, mask_phone

from .file_import import CAUSE_NAMES, COLUMNS
from .models import CloseReason

# (Chinese whatever the interface language: the importer reads these headers.)
STATE_COLUMNS = ("状态", "关闭日期", "关闭原因")
CLOSE_REASONS = {
    CloseReason.OUT_OF_HARDSHIP: "脱困",
    CloseReason.LEFT: "离开工会或单位",
    CloseReason.DIED: "去世",
    CloseReason.MOVED: "迁出",
    CloseReason.OTHER: "其他",
}
WIDTHS = {"name": 10, "id_number": 21, "unit": 24, "enterprise": 24, "address": 24, "needs": 24}


def files_workbook(files, *, whole: bool) -> tuple[bytes, int]:
    """(the .xlsx, the number of files in it); `files` a queryset, read in chunks."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("困难职工档案")
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column.key, 12)
    sheet.freeze_panes = "A2"
    header = [*(column.label for column in COLUMNS), *STATE_COLUMNS]
    sheet.append([_bold(sheet, label) for label in header])
    rows = 0
    chosen = files.select_related("union", "enterprise", "grade").order_by("union__path", "pk")
    for file in chosen.iterator(chunk_size=2000):
        sheet.append(_row(sheet, file, whole))
        rows += 1
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), rows


def _row(sheet, file, whole: bool) -> list:
    def text(value):  # (what people typed: never a formula in Excel)
        return write_cell(sheet, value)

    values = {
        "name": text(file.name),
        "id_number": text(file.id_number if whole else mask_id_number(file.id_number)),
        "unit": text(file.union.name),
        "enterprise": text(file.enterprise.name if file.enterprise else ""),
        "phone": text(file.phone if whole or not file.phone else mask_phone(file.phone)),
        "address": text(file.address),
        "household_size": file.household_size,
        "household_income": _money(sheet, file.household_income),
        "medical_costs": _money(sheet, file.medical_costs),
        "on_dibao": _yes_no(file.on_dibao),
        "causes": "、".join(CAUSE_NAMES[cause] for cause in file.causes),
        "grade": text(file.grade.name),
        "needs": text(file.needs),
        "opened_on": _date(sheet, file.opened_on),
        "last_reviewed_on": _date(sheet, file.last_reviewed_on),
        "is_migrant": _yes_no(file.is_migrant),
        "has_year_contract": _yes_no(file.has_year_contract),
    }
    state = (
        "在档" if file.is_open else "已关闭",
        _date(sheet, file.closed_on),
        CLOSE_REASONS.get(file.close_reason, ""),
    )
    return [*(values[column.key] for column in COLUMNS), *state]


BOLD = Font(bold=True)


def _bold(sheet, value):
    return write_cell(sheet, value, font=BOLD)


def _money(sheet, amount):
    return write_cell(sheet, amount, number_format="#,##0.00")


def _date(sheet, day):
    return write_cell(sheet, day, number_format="yyyy-mm-dd") if day else ""


def _yes_no(value: bool) -> str:
    return "是" if value else "否"
