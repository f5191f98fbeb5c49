"""Roster import with real .xlsx files, built here as officers' spreadsheets look."""

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from unions.models import Member, Membership, RosterImport
from unions.roster_check import check_roster
from unions.roster_files import MAX_ROWS, RosterFileError
from unions.services import roster_import, roster_upload

from ..factories import EnterpriseFactory, enrol, id_number
from ..rosters import HEADER, with_sheet_xml, workbook_file

D = datetime.date


def full_width(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if c.isdigit() or (c.isalpha() and c.isascii()) else c for c in text
    )


@pytest.mark.django_db
def test_a_messy_but_valid_roster_is_read_whole(world):
    enterprise = EnterpriseFactory(union=world.unions["A"], name="大连华丰纺织有限公司")
    numbers = [id_number(D(1990 + i, 5, 3)) for i in range(6)]
    rows = [
        ("张伟", numbers[0], D(2026, 3, 1), "", "", "", "是"),  # an Excel date
        (
            " 李 娜 ",
            full_width(numbers[1]),
            "2026.3.2",
            "单元A一车间分会",
            "大连华丰纺织有限公司",
            "",
            "否",
        ),
        (
            "王芳",
            numbers[2].lower(),
            "2026-03-03",
            "单元A第一小组",
            enterprise.credit_code,
            "13812345678",
            "√",
        ),
        ("刘洋", f" {numbers[3]} ", "2026/3/4", "", "", "", ""),
        ("陈静", numbers[4], "2026年3月5日", "", "", "", "否"),
        ("赵磊", numbers[5], 46091, "", "", "", "否"),  # a date typed as an Excel serial number
    ]
    check = check_roster(
        workbook_file(rows, title_rows=["大连某公司工会会员名册", "填报日期：2026年3月"]),
        union=world.unions["A"],
    )
    assert check.problems == []
    assert check.rows_total == 6
    by_name = {m.name: m for m in check.members}
    assert set(by_name) == {"张伟", "李 娜", "王芳", "刘洋", "陈静", "赵磊"}
    assert by_name["李 娜"].id_number == numbers[1]
    assert by_name["王芳"].id_number == numbers[2].upper()
    assert by_name["王芳"].union == world.deepest["A"]
    assert by_name["王芳"].enterprise == enterprise
    assert by_name["陈静"].joined_on == D(2026, 3, 5)
    assert by_name["赵磊"].joined_on == D(2026, 3, 10)
    assert by_name["张伟"].is_migrant and not by_name["刘洋"].is_migrant


@pytest.mark.django_db
def test_every_problem_names_its_row_and_column(world):
    held = enrol(world.unions["B"], name="已有会员")
    good = id_number()
    rows = [
        ("甲", 210203199005031234, "2026-03-01", "", "", "", "是"),  # an ID typed as a number
        ("乙", good, "2026-03-01", "", "", "", "是"),
        ("丙", good, "2026-03-01", "", "", "", "是"),  # the same person twice
        ("丁", held.id_number, "2026-03-01", "", "", "", "是"),
        ("戊", id_number(), "2026-13-01", "", "", "", "是"),
        ("己", id_number(), "2026-03-01", "不存在的分会", "", "", "是"),
        ("庚", id_number(), "2026-03-01", "", "", "12345", "也许"),
        ("", id_number(), "2026-03-01", "", "", "", "是"),
    ]
    check = check_roster(workbook_file(rows), union=world.unions["A"])
    problems = {(p.row, p.column): p.message for p in check.problems}
    assert problems[(2, "身份证号")].startswith("身份证号被存成了数字")
    assert problems[(4, "身份证号")] == "与第 3 行是同一人。"
    assert problems[(5, "身份证号")] == "已是另一个工会的会员；请申请转会。"
    assert problems[(6, "入会日期")] == "2026-13-01 不是日期；请写成 1990-05-03 这样的格式。"
    assert problems[(7, "所属分会或小组")] == "不存在的分会不是单元A工会委员会的下级组织。"
    assert problems[(8, "手机号码")] == "请输入 11 位手机号码。"
    assert problems[(8, "是否农民工")] == "请填写“是”或“否”。"
    assert problems[(9, "姓名")] == "姓名为空。"
    assert [m.name for m in check.members] == ["乙"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("名册.csv", b"name,id\n", "只能导入 Excel 工作簿（.xlsx）"),
        ("名册.xlsx", b"this is not a zip file", "不是真正的 .xlsx 工作簿"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(name, content, message):
    with pytest.raises(RosterFileError) as error:
        check_roster(SimpleUploadedFile(name, content), union=None)
    assert message in str(error.value)


def test_a_zip_bomb_is_refused_before_it_is_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * (200 * 1024 * 1024))
    with pytest.raises(RosterFileError) as error:
        check_roster(SimpleUploadedFile("名册.xlsx", buffer.getvalue()), union=None)
    assert "解压后的数据量远超" in str(error.value)


def test_a_file_over_10_mb_is_refused():
    upload = SimpleUploadedFile("名册.xlsx", b"PK" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(RosterFileError) as error:
        check_roster(upload, union=None)
    assert "大于 10 MB" in str(error.value)


@pytest.mark.django_db
def test_more_than_50000_rows_are_refused(world):
    rows = [("某", "x", "2026-01-01")] * (MAX_ROWS + 1)
    with pytest.raises(RosterFileError) as error:
        check_roster(workbook_file(rows, header=HEADER[:3]), union=world.unions["A"])
    assert "超过 50,000 行" in str(error.value)


@pytest.mark.django_db
def test_a_missing_header_or_column_is_said_plainly(world):
    with pytest.raises(RosterFileError):
        check_roster(workbook_file([("张伟",)], header=["名字啊", "号码"]), union=world.unions["A"])
    check = check_roster(
        workbook_file([("张伟", id_number())], header=["姓名", "身份证号"]), union=world.unions["A"]
    )
    assert [(p.row, p.column, p.message) for p in check.problems] == [(2, "入会日期", "日期为空。")]


@pytest.mark.django_db
def test_confirming_imports_the_valid_rows_once_in_one_go(world):
    rows = [
        ("甲", id_number(), "2026-02-01", "", "", "", "是"),
        ("乙", "bad", "2026-02-01", "", "", "", "是"),
    ]
    roster = roster_upload(
        actor=world.users["officer_a"], union=world.unions["A"], uploaded=workbook_file(rows)
    )
    assert (roster.rows_total, roster.rows_valid, len(roster.problems)) == (2, 1, 1)
    assert not Member.objects.exists()  # checking saves nothing
    roster_import(actor=world.users["officer_a"], roster=roster)
    member = Member.objects.get()
    assert member.name == "甲" and member.history.get().history_user == world.users["officer_a"]
    assert Membership.objects.get(member=member).start == "joined"
    with pytest.raises(ValidationError):
        roster_import(actor=world.users["officer_a"], roster=RosterImport.objects.get())
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_a_roster_that_changed_since_its_check_is_not_imported(world):
    number = id_number()
    roster = roster_upload(
        actor=world.users["officer_a"],
        union=world.unions["A"],
        uploaded=workbook_file([("甲", number, "2026-02-01", "", "", "", "是")]),
    )
    enrol(world.unions["B"], id_number=number)  # enrolled elsewhere meanwhile
    with pytest.raises(ValidationError):
        roster_import(actor=world.users["officer_a"], roster=roster)
    roster.refresh_from_db()
    assert roster.rows_valid == 0 and roster.status == "checked"
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_the_pages_upload_show_the_problems_and_confirm(client, world):
    client.force_login(world.users["officer_a"])
    upload = workbook_file(
        [
            ("甲", id_number(), "2026-02-01", "", "", "", "是"),
            ("乙", "123", "2026-02-01", "", "", "", "是"),
        ]
    )
    response = client.post(
        reverse("unions:roster_upload"), {"union": world.unions["A"].pk, "file": upload}
    )
    roster = RosterImport.objects.get()
    assert response["Location"] == roster.get_absolute_url()
    page = client.get(roster.get_absolute_url()).content.decode()
    assert "身份证号应为 18 位（老证件为 15 位），此处为 3 位。" in page
    client.post(roster.get_absolute_url())
    assert Member.objects.get().name == "甲"


@pytest.mark.django_db
def test_the_template_has_the_columns_and_an_example_on_its_own_sheet(client, world):
    from openpyxl import load_workbook

    client.force_login(world.users["officer_a"])
    response = client.get(reverse("unions:roster_template"))
    workbook = load_workbook(io.BytesIO(response.content))
    roster, notes = workbook.worksheets
    assert [c.value for c in roster[1]][:3] == ["姓名", "身份证号", "入会日期"]
    assert roster.max_row == 1 or all(c.value is None for c in roster[2])
    assert notes["B2"].value == "张伟"


@pytest.mark.django_db
def test_a_sheet_claiming_a_million_rows_is_refused_quickly(world):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.cell(row=60_000, column=200, value="远处的一格")
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(RosterFileError):
        check_roster(SimpleUploadedFile("名册.xlsx", buffer.getvalue()), union=world.unions["A"])


@pytest.mark.django_db
def test_a_person_who_left_rejoins_through_the_roster(world):
    from unions.services import member_leave

    former = enrol(world.unions["B"], joined_on=D(2024, 1, 1))
    member_leave(actor=None, member=former, on=D(2025, 1, 1), reason="离职")
    rows = [
        (former.name, former.id_number, "2026-02-01", "", "", "", "是"),
        ("新人", id_number(), "2026-02-01", "", "", "", "是"),
    ]
    roster = roster_upload(
        actor=world.users["officer_a"], union=world.unions["A"], uploaded=workbook_file(rows)
    )
    assert roster.problems == []
    roster_import(actor=world.users["officer_a"], roster=roster)
    former.refresh_from_db()
    assert (former.status, former.union) == ("active", world.unions["A"])
    assert Member.objects.count() == 2


@pytest.mark.django_db
def test_over_long_names_are_row_problems_not_a_failed_import(world):
    rows = [("长" * 51, id_number(), "2026-02-01", "", "", "", "是")]
    check = check_roster(workbook_file(rows), union=world.unions["A"])
    assert [(p.row, p.column) for p in check.problems] == [(2, "姓名")]


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "hahahahahahahahahahaha">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)


def with_entities(xml: bytes) -> bytes:
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    return LAUGHS + body.replace(b"<v>", b"<v>&c;", 1)


def truncated(xml: bytes) -> bytes:
    return xml[: len(xml) * 2 // 3]


@pytest.mark.django_db
@pytest.mark.parametrize("damage", [with_entities, truncated], ids=["entities", "truncated"])
def test_a_damaged_or_hostile_sheet_is_the_rosters_clear_error(client, world, damage):
    rows = [(f"会员{i}", id_number(), "2026-02-01", "", "", "", "是") for i in range(40)]
    upload = with_sheet_xml(workbook_file(rows), damage)
    with pytest.raises(RosterFileError, match="已损坏"):
        check_roster(upload, union=world.unions["A"])
    client.force_login(world.users["officer_a"])
    upload.seek(0)
    response = client.post(
        reverse("unions:roster_upload"), {"union": world.unions["A"].pk, "file": upload}
    )
    assert response.status_code == 200
    assert "已损坏" in response.content.decode()
    assert not RosterImport.objects.exists() and not Member.objects.exists()


@pytest.mark.django_db
def test_groups_of_the_same_name_are_told_apart_by_their_path_and_a_branch_may_be_the_target(
    world,
):
    """Real unions name a 第一工会小组 under every branch: the roster names the group by its
    path. A branch chosen as the roster's union takes the rows that name no unit."""
    from ..factories import make_union

    a = world.unions["A"]
    branch = world.deepest["A"].parent  # 单元A一车间分会, with its 单元A第一小组
    second = make_union("二车间分会", parent=a, kind="branch")
    first_of_second = make_union("单元A第一小组", parent=second, kind="group")
    rows = [
        ("甲", id_number(), "2026-03-01", "二车间分会/单元A第一小组", "", "", "是"),
        (
            "乙",
            id_number(),
            "2026-03-01",
            "单元A工会委员会 / 单元A一车间分会 / 单元A第一小组",
            "",
            "",
            "是",
        ),
        ("丙", id_number(), "2026-03-01", "单元A第一小组", "", "", "是"),  # two of that name
        ("丁", id_number(), "2026-03-01", "二车间分会／不存在的小组", "", "", "是"),
    ]
    check = check_roster(workbook_file(rows), union=a)
    units = {m.name: m.union for m in check.members}
    assert units == {"甲": first_of_second, "乙": world.deepest["A"]}
    problems = {p.row: p.message for p in check.problems}
    assert "有多个" in problems[4] or "多个" in problems[4]
    assert "路径" in problems[5]

    into_branch = check_roster(
        workbook_file([("戊", id_number(), "2026-03-01", "", "", "", "是")]), union=branch
    )
    assert into_branch.problems == [] and into_branch.members[0].union == branch


@pytest.mark.django_db
def test_a_member_of_the_same_union_is_told_so_not_to_ask_for_a_transfer(world):
    held = enrol(world.deepest["A"], name="已在本会")
    rows = [("已在本会", held.id_number, "2026-03-01", "", "", "", "是")]
    check = check_roster(workbook_file(rows), union=world.unions["A"])
    [problem] = check.problems
    assert problem.message.startswith("已是本工会会员")
    assert "转会" not in problem.message
