"""Checking a workbook of existing hardship files (困难职工档案) row by row, against the same
rules as opening one file by hand (services.hardship_file_errors).

The workbook is read as rosters are (unions.roster_files); every problem names its row, its
column and what is wrong. Nothing is written here: services.file_import writes. Household
members are not in the workbook: they are added on each file's page.
"""

import re
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from unions.id_numbers import parse_id_number
from unions.models import Union
from unions.roster_check import Places
from unions.roster_files import Column, parse_bool, parse_date, read_rows, text

from .models import Cause, HardshipFile, HardshipGrade
from .services.files import hardship_file_errors

# A union keeps hundreds of files, not tens of thousands: each row is checked as a form is.
MAX_ROWS = 5_000

COLUMNS = (
    Column("name", "姓名", ("名字", "职工姓名", "name"), required=True),
    Column("id_number", "身份证号", ("身份证号码", "公民身份号码", "身份证"), required=True),
    Column("unit", "所属分会或小组", ("所属分会", "分会", "所属工会")),
    Column("enterprise", "所在企业", ("所在单位", "工作单位", "单位")),
    Column("phone", "联系电话", ("手机号码", "手机号", "手机", "电话")),
    Column("address", "家庭住址", ("住址", "地址")),
    Column("household_size", "家庭人口", ("家庭人数", "家庭人口数", "人口"), required=True),
    Column(
        "household_income",
        "家庭月收入（元）",
        ("家庭月收入", "家庭月总收入", "月收入"),
        required=True,
    ),
    Column("medical_costs", "自付医疗费（元/年）", ("自付医疗费", "年自付医疗费", "医疗费")),
    Column("on_dibao", "是否低保户", ("低保户", "低保"), required=True),
    Column("causes", "致困原因", ("困难原因", "致困原因（可多选）"), required=True),
    Column("grade", "困难类别", ("困难程度", "困难等级", "类别"), required=True),
    Column("needs", "帮扶需求", ("需求", "帮扶需要"), required=True),
    Column("opened_on", "建档日期", ("建档时间", "建档"), required=True),
    Column("last_reviewed_on", "最近复核日期", ("复核日期", "最近复核", "年审日期")),
    Column("is_migrant", "是否农民工", ("农民工",)),
    Column("has_year_contract", "一年以上劳动合同", ("是否签订一年以上劳动合同",)),
)
# Read, not written by the template: an exported workbook says which files were closed.
STATE = Column("state", "状态", ("档案状态",))
CLOSED_WORDS = {"已关闭", "关闭", "已销档", "销档"}
LABELS = {column.key: column.label for column in COLUMNS}
EXAMPLE_ROW = (
    "王秀英",
    "210203198005061228",
    "一车间分会",
    "大连华丰纺织有限公司",
    "13812345678",
    "大连市西岗区长春路12号",
    "3",
    "2400.00",
    "8000",
    "否",
    "患病、子女上学",
    "一般困难",
    "医疗救助，子女助学",
    "2026-03-01",
    "",
    "否",
    "否",
)
# The causes as offices write them; the labels of Cause in either language are understood too.
CAUSE_WORDS = {
    "患病": Cause.ILLNESS,
    "疾病": Cause.ILLNESS,
    "大病": Cause.ILLNESS,
    "重病": Cause.ILLNESS,
    "因病": Cause.ILLNESS,
    "残疾": Cause.DISABILITY,
    "伤残": Cause.DISABILITY,
    "因残": Cause.DISABILITY,
    "失业": Cause.UNEMPLOYMENT,
    "下岗": Cause.UNEMPLOYMENT,
    "子女上学": Cause.SCHOOLING,
    "子女就学": Cause.SCHOOLING,
    "上学": Cause.SCHOOLING,
    "因学": Cause.SCHOOLING,
    "灾害": Cause.DISASTER,
    "意外": Cause.DISASTER,
    "事故": Cause.DISASTER,
    "因灾": Cause.DISASTER,
    "灾害或意外": Cause.DISASTER,
    "单亲": Cause.SINGLE_PARENT,
    "单亲家庭": Cause.SINGLE_PARENT,
    "其他": Cause.OTHER,
}
# How an exported workbook writes each cause (the first of its words above).
CAUSE_NAMES = {
    cause.value: next(w for w, c in CAUSE_WORDS.items() if c == cause) for cause in Cause
}
LIST_SEPARATORS = re.compile(r"[、,，;；/／\s]+")
# The fields these columns fill that the model checks by itself (lengths, digits, bounds).
MODEL_CHECKED = ("name", "phone", "address", "household_income", "medical_costs", "needs")


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # the header label, "" for the row as a whole
    message: str


@dataclass
class FileCheck:
    rows_total: int
    files: list  # unsaved HardshipFile objects, ready to save
    problems: list

    def problems_as_data(self) -> list[dict]:
        return [asdict(p) for p in self.problems]


def check_files(uploaded, *, union: Union) -> FileCheck:
    """Read and check a workbook of files for `union`. Raises RosterFileError for an
    unreadable file."""
    columns, rows, _unknown = read_rows(uploaded, columns=(*COLUMNS, STATE), max_rows=MAX_ROWS)
    missing = [c for c in COLUMNS if c.required and c.key not in columns]
    if missing:
        problems = [Problem(0, c.label, _("This column is missing.")) for c in missing]
        return FileCheck(rows_total=len(rows), files=[], problems=problems)
    places = Places(union)
    grades = {grade.name: grade for grade in HardshipGrade.objects.all()}
    problems, files, row_of = [], [], {}
    for row in rows:
        file, row_problems = _check_row(row, union, places, grades)
        problems.extend(row_problems)
        if file is None:
            continue
        if file.id_number in row_of:
            message = _("The same person as row %(row)d.") % {"row": row_of[file.id_number]}
            problems.append(Problem(row.number, LABELS["id_number"], message))
            continue
        row_of[file.id_number] = row.number
        files.append(file)
    problems.sort(key=lambda p: p.row)
    return FileCheck(rows_total=len(rows), files=files, problems=problems)


def _check_row(row, union: Union, places: Places, grades: dict):
    problems = []

    def problem(key, message):
        problems.append(Problem(row.number, LABELS.get(key, ""), str(message)))

    cells = row.cells
    if text(cells.get("state")) in CLOSED_WORDS:
        return None, [Problem(row.number, STATE.label, _("A closed file is not imported."))]
    file = HardshipFile(
        name=text(cells.get("name")),
        id_number=text(cells.get("id_number")),
        phone=text(cells.get("phone")).replace("-", ""),
        address=text(cells.get("address")),
        needs=text(cells.get("needs")),
    )
    try:  # (at once, with the row's other problems; the rules below check it again)
        parse_id_number(file.id_number)
    except ValidationError as error:
        problem("id_number", error.messages[0])
    for key, lookup in (("unit", places.unit), ("enterprise", places.enterprise)):
        word = text(cells.get(key))
        try:
            setattr(file, "union" if key == "unit" else key, lookup(word))
        except ValueError as error:
            problem(key, str(error.args[0]) % {"name": word, "union": places.union})
    if file.union_id is None:
        file.union = union
    for key in ("household_income", "medical_costs"):
        try:
            setattr(file, key, _money(cells.get(key)))
        except ValueError as error:
            problem(key, error.args[0])
    size = text(cells.get("household_size"))
    if size.isdigit() and 1 <= int(size) <= 30:
        file.household_size = int(size)
    else:
        problem("household_size", _("Write the number of people, from 1 to 30."))
    for key, required in (("opened_on", True), ("last_reviewed_on", False)):
        raw = cells.get(key)
        if raw in (None, ""):
            if required:
                problem(key, _("The date is empty."))
            continue
        try:
            setattr(file, key, parse_date(raw))
        except ValueError:
            problem(
                key, _("%(value)s is not a date; write it like 1990-05-03.") % {"value": text(raw)}
            )
    for key, required in (("on_dibao", True), ("is_migrant", False), ("has_year_contract", False)):
        if required and text(cells.get(key)) == "":
            problem(key, _("Write 是 or 否."))
            continue
        try:
            setattr(file, key, parse_bool(cells.get(key)))
        except ValueError:
            problem(key, _("Write 是 or 否."))
    try:
        file.causes = _causes(cells.get("causes"))
    except ValueError as error:
        problem("causes", error.args[0])
    grade = grades.get(text(cells.get("grade")))
    if grade is None:
        problem(
            "grade",
            _("%(value)s is not one of: %(choices)s.")
            % {"value": text(cells.get("grade")) or "—", "choices": "、".join(grades)},
        )
    else:
        file.grade = grade
    try:
        file.clean_fields(
            exclude=[f.name for f in file._meta.fields if f.name not in MODEL_CHECKED]
        )
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            if not any(p.column == LABELS[key] for p in problems):
                problem(key, messages[0])
    if problems:
        return None, problems
    for key, message in hardship_file_errors(file=file).items():
        problem(key, message)
    return (None if problems else file), problems


def _money(value) -> Decimal:
    """Yuan from a number or text (1,200.50 元); empty is 0. Raises ValueError with a message."""
    word = text(value).replace(",", "").removesuffix("元").strip()
    if not word:
        return Decimal(0)
    try:
        amount = Decimal(word)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite():
        raise ValueError(_("%(value)s is not an amount in yuan.") % {"value": text(value)})
    if amount < 0:
        raise ValueError(_("The amount cannot be negative."))
    try:
        return amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than any amount has (1e30)
        raise ValueError(
            _("%(value)s is not an amount in yuan.") % {"value": text(value)}
        ) from None


def _causes(value) -> list[str]:
    words = [w for w in LIST_SEPARATORS.split(text(value)) if w]
    if not words:
        raise ValueError(_("Choose at least one cause of hardship."))
    known = CAUSE_WORDS | {str(label): cause for cause, label in Cause.choices}
    known |= {cause.value: cause for cause in Cause}
    unknown = [w for w in words if w not in known and w.lower() not in known]
    if unknown:
        raise ValueError(
            _("%(value)s is not one of: %(choices)s.")
            % {"value": "、".join(unknown), "choices": "、".join(CAUSE_NAMES.values())}
        )
    causes = (Cause(known.get(w, known.get(w.lower()))).value for w in words)
    return list(dict.fromkeys(causes))
