"""Reading a roster workbook (.xlsx) as people keep them: title rows above the header, full-width
characters, ID numbers typed as numbers, dates as Excel dates or as text in four spellings.

Only reads and cleans; what a row means is checked in unions.roster_check. Other lists of people
kept in Excel (hardship files) are read here too, with their own columns.
"""

import datetime
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from cohesion_portal.text import normalize_text

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 64  # a roster has 13; openpyxl would pad every row to the sheet's stated width
EMPTY_ROWS_READ = 5_000  # past the last allowed row: a sheet can claim a million empty ones
MAX_UNPACKED_BYTES = 150 * 1024 * 1024  # what the workbook may unpack to (zip bombs)
MAX_PACKING_RATIO = 100
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header in the template
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS = (
    Column("name", "姓名", ("名字", "name"), required=True),
    Column(
        "id_number",
        "身份证号",
        ("身份证号码", "公民身份号码", "身份证", "id number"),
        required=True,
    ),
    Column("joined_on", "入会日期", ("入会时间", "joined on")),
    Column("unit", "所属分会或小组", ("所属分会", "所属小组", "分会", "小组", "所属组织")),
    Column("enterprise", "所在企业", ("所在单位", "工作单位", "企业", "单位", "enterprise")),
    Column("phone", "手机号码", ("手机号", "手机", "联系电话", "电话", "phone")),
    Column("gender", "性别", ("gender",)),
    Column("birth_date", "出生日期", ("出生年月日", "birth date")),
    Column("card_number", "会员证号", ("会员证号码", "会员证")),
    Column("education", "文化程度", ("学历", "education")),
    Column("hukou", "户籍类型", ("户口性质", "户籍", "户口类型")),
    Column("is_migrant", "是否农民工", ("农民工",)),
    Column("is_dispatched", "是否劳务派遣工", ("劳务派遣工", "是否劳务工", "劳务工")),
)
EXAMPLE_ROW = (
    "张伟",
    "21020319900503123X",
    "2026-03-01",
    "一车间分会",
    "大连华丰纺织有限公司",
    "13812345678",
    "男",
    "1990-05-03",
    "DL00001234",
    "高中",
    "农业户口",
    "是",
    "否",
)


class RosterFileError(Exception):
    """The file as a whole cannot be read; the message says why, for the person."""


@dataclass
class RawRow:
    number: int  # the row number as Excel shows it
    cells: dict  # column key -> cell value as read


def _key(header) -> str:
    return normalize_text(str(header or "")).replace(" ", "").lower()


def header_keys(columns) -> dict[str, str]:
    """{a header as people write it, normalized: column key} for `columns`."""
    return {
        _key(name): column.key for column in columns for name in (column.label, *column.aliases)
    }


def check_container(uploaded) -> None:
    """Refuse what is not a sane .xlsx before openpyxl opens it."""
    if uploaded.size > MAX_BYTES:
        raise RosterFileError(_("The file is larger than 10 MB; split it into several files."))
    if not uploaded.name.lower().endswith(".xlsx"):
        raise RosterFileError(
            _("Only Excel workbooks (.xlsx) can be imported; save the roster as .xlsx.")
        )
    uploaded.seek(0)
    if not zipfile.is_zipfile(uploaded):
        raise RosterFileError(
            _("This file is not a real .xlsx workbook (it may be renamed or damaged).")
        )
    uploaded.seek(0)
    with zipfile.ZipFile(uploaded) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise RosterFileError(
                _("This file is not a real .xlsx workbook (it may be renamed or damaged).")
            )
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_PACKING_RATIO * max(uploaded.size, 1):
            raise RosterFileError(
                _("The workbook unpacks to far more data than a roster holds; it was refused.")
            )
    uploaded.seek(0)


def read_rows(
    uploaded, *, columns=COLUMNS, max_rows: int = MAX_ROWS
) -> tuple[list[str], list[RawRow], list[str]]:
    """(column keys found, rows, header labels not understood). The header is the first row
    naming 姓名 and 身份证号. Raises RosterFileError."""
    check_container(uploaded)
    known_headers = header_keys(columns)
    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for broken files
        raise RosterFileError(damaged(1)) from None
    # In read-only mode a sheet is parsed as its rows are read: bad XML, or DTD entities that
    # defusedxml refuses, show only here, at the row where they are.
    rows = _rows_or_damaged(workbook)
    try:
        header, header_number, unknown = None, 0, []
        for number, values in enumerate(rows, start=1):
            keys = [known_headers.get(_key(value)) for value in values]
            if "name" in keys and "id_number" in keys:
                header, header_number = keys, number
                unknown = [str(v) for v, k in zip(values, keys, strict=False) if v and k is None]
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        if header is None:
            raise RosterFileError(
                _(
                    "No header row with 姓名 and 身份证号 in the first %(n)d rows; "
                    "start from the template."
                )
                % {"n": HEADER_SEARCH_ROWS}
            )
        found = [k for k in header if k]
        data = []
        for number, values in enumerate(rows, start=header_number + 1):
            if number > max_rows + EMPTY_ROWS_READ:
                raise RosterFileError(
                    _("The file has more than %(n)s rows; split it into several files.")
                    % {"n": f"{max_rows:,}"}
                )
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if len(data) >= max_rows:
                raise RosterFileError(
                    _("The file has more than %(n)s rows; split it into several files.")
                    % {"n": f"{max_rows:,}"}
                )
            cells = {key: value for key, value in zip(header, values, strict=False) if key}
            data.append(RawRow(number=number, cells=cells))
        return found, data, unknown
    finally:
        workbook.close()


def damaged(row: int) -> str:
    return _(
        "The workbook is damaged and could not be read from row %(row)d on. Open it in Excel, "
        "save it again as .xlsx and upload that file."
    ) % {"row": row}


def _rows_or_damaged(workbook):
    """The first sheet's rows (values, MAX_COLUMNS wide); a RosterFileError where the file
    breaks off."""
    number = 0
    try:
        for values in workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True):
            number += 1
            yield values
    except Exception:  # ParseError, EntitiesForbidden, a cell that is not what it says...
        raise RosterFileError(damaged(number + 1)) from None


# --- cleaning single cells ---------------------------------------------------------------------

DATE_TEXT = re.compile(r"^(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?$")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "✓", "对"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×", "不是", ""}


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(str(value))


def parse_date(value) -> datetime.date:
    """A date from an Excel date, an Excel serial number, or text: 1990.5.3, 1990-05-03,
    1990/5/3, 1990年5月3日. Raises ValueError."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and 1 <= value < 80_000:
        return EXCEL_EPOCH + datetime.timedelta(days=int(value))
    match = DATE_TEXT.match(text(value))
    if not match:
        raise ValueError(value)
    return datetime.date(*(int(part) for part in match.groups()))


def parse_bool(value) -> bool:
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(value)


# --- the template people fill in -------------------------------------------------------------

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ID_COLUMNS = {"id_number"}  # wide, and text: Excel keeps every digit of a text cell


def template_workbook(title: str, columns, example_row, notes: dict) -> bytes:
    """The columns on the first sheet, and an example row with notes on a second one (an
    example on the first sheet would be imported as a person)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append([column.label for column in columns])
    for index, column in enumerate(columns, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 22 if column.key in ID_COLUMNS else 14
        for row in range(2, 1001):
            sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    help_sheet = workbook.create_sheet("填写说明")
    help_sheet.append(["列", "示例", "说明"])
    for column, example in zip(columns, example_row, strict=True):
        help_sheet.append([column.label, example, notes.get(column.key, "")])
    help_sheet.column_dimensions["A"].width = 16
    help_sheet.column_dimensions["B"].width = 24
    help_sheet.column_dimensions["C"].width = 70
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def workbook_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
