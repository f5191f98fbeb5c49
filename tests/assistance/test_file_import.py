"""Importing existing hardship files from Excel, with real workbooks built here: every row is
checked by the rules of opening a file by hand (the 低保 line is 1,000 yuan here), each problem
names its row and column, duplicates are found in the workbook and across the portal, and the
confirm saves all the valid rows with their history, or nothing."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from assistance.file_import import COLUMNS, check_files
from assistance.models import FileImport, HardshipFile, SubsistenceLine
from assistance.services import file_import_confirm, file_import_upload
from cohesion_portal.models import PersonalExport

from ..factories import EnterpriseFactory, id_number
from ..rosters import workbook_file
from .builders import grade
from .test_hardship_files import a_file, saved

pytestmark = pytest.mark.django_db
HEADER = [column.label for column in COLUMNS]
WHOLE = ("view_individuals", "view_personal_data")
TODAY = datetime.date.today()


@pytest.fixture
def line(db):
    grade("ordinary"), grade("special")
    for year in (2025, 2026, TODAY.year):
        SubsistenceLine.objects.get_or_create(year=year, defaults={"monthly_amount": 1000})


def row(**cells) -> list:
    """A valid row (2,700 yuan for 3 people: 900 a head, below the line), with `cells` changed,
    keyed as the columns are."""
    values = {
        "name": "王困难",
        "id_number": id_number(),
        "unit": "",
        "enterprise": "",
        "phone": "13812345678",
        "address": "西岗区长春路12号",
        "household_size": 3,
        "household_income": 2700,
        "medical_costs": "",
        "on_dibao": "否",
        "causes": "患病",
        "grade": "一般困难",
        "needs": "医疗救助",
        "opened_on": "2026-03-01",
        "last_reviewed_on": "",
        "is_migrant": "",
        "has_year_contract": "",
    } | cells
    return [values[column.key] for column in COLUMNS]


def workbook(*rows, **options):
    return workbook_file(rows, header=HEADER, name="困难职工档案.xlsx", **options)


def test_a_messy_but_valid_workbook_is_read_whole(world, line):
    enterprise = EnterpriseFactory(union=world.unions["A"], name="大连华丰纺织有限公司")
    rows = [
        row(name="甲", causes="患病、子女上学", household_income="2,700.00元"),
        row(name="乙", unit="单元A第一小组", enterprise=enterprise.credit_code, causes="失业 残疾"),
        row(name="丙", opened_on=datetime.date(2026, 3, 2), on_dibao="是", grade="特困"),
        row(name="丁", opened_on="2026年3月3日", last_reviewed_on="2026.6.1", medical_costs=800),
    ]
    check = check_files(
        workbook(*rows, title_rows=["某公司工会困难职工档案"]), union=world.unions["A"]
    )
    assert check.problems == []
    assert check.rows_total == 4
    files = {file.name: file for file in check.files}
    assert files["甲"].causes == ["illness", "schooling"]
    assert files["甲"].household_income == Decimal("2700.00")
    assert files["甲"].criteria == ["below_line"]
    assert files["乙"].union == world.deepest["A"] and files["乙"].enterprise == enterprise
    assert files["乙"].causes == ["unemployment", "disability"]
    assert files["丙"].on_dibao and files["丙"].grade.code == "special"
    assert files["丙"].criteria == ["dibao", "below_line"]
    assert files["丁"].opened_on == datetime.date(2026, 3, 3)
    assert files["丁"].last_reviewed_on == datetime.date(2026, 6, 1)
    assert files["丁"].medical_costs == Decimal("800.00")


def test_every_problem_names_its_row_and_column(world, line):
    rows = [
        row(id_number="210203199005031234"),  # a wrong check digit
        row(household_income=-100),
        row(household_income="三千"),
        row(household_income=123456789),  # more digits than any household earns
        row(household_size=0),
        row(causes="没钱"),
        row(grade="很困难"),
        row(opened_on="2026-13-01"),
        row(opened_on=(TODAY + datetime.timedelta(days=3)).isoformat()),
        row(last_reviewed_on="2026-01-01"),  # before the file was opened
        row(household_income=6000),  # 2,000 a head: no criterion met
        row(on_dibao=""),
        row(is_migrant="是"),  # not a member with a year's contract
        row(needs=""),
        row(unit="不存在的分会"),
        row(household_income="1e30"),  # more digits than Decimal keeps in two places
    ]
    check = check_files(workbook(*rows), union=world.unions["A"])
    assert check.files == []
    found = {(p.row, p.column) for p in check.problems}
    assert found == {
        (2, "身份证号"),
        (3, "家庭月收入（元）"),
        (4, "家庭月收入（元）"),
        (5, "家庭月收入（元）"),
        (6, "家庭人口"),
        (7, "致困原因"),
        (8, "困难类别"),
        (9, "建档日期"),
        (10, "建档日期"),
        (11, "最近复核日期"),
        (12, "家庭月收入（元）"),
        (13, "是否低保户"),
        (14, "是否农民工"),
        (15, "帮扶需求"),
        (16, "所属分会或小组"),
        (17, "家庭月收入（元）"),
    }
    messages = {p.row: p.message for p in check.problems}
    assert "负" in messages[3] or "negative" in messages[3]
    assert "很困难" in messages[8] and "一般困难" in messages[8]
    assert "没钱" in messages[7]


def test_duplicates_in_the_workbook_and_in_the_portal_are_found(world, line):
    held = saved(a_file(world.unions["B"]))  # an open file in another union
    twice = id_number()
    rows = [row(id_number=twice), row(id_number=twice), row(id_number=held.id_number), row()]
    check = check_files(workbook(*rows), union=world.unions["A"])
    assert [(p.row, p.column) for p in check.problems] == [(3, "身份证号"), (4, "身份证号")]
    assert "2" in check.problems[0].message
    # The other union keeps the file: it is not named to someone who may not see it.
    assert world.unions["B"].name not in check.problems[1].message
    assert len(check.files) == 2


def test_a_missing_column_is_said_once_and_nothing_is_read(world, line):
    header = [label for label in HEADER if label != "致困原因"]
    upload = workbook_file([row()[: len(header)]], header=header, name="x.xlsx")
    check = check_files(upload, union=world.unions["A"])
    assert [(p.row, p.column) for p in check.problems] == [(0, "致困原因")]
    assert check.files == []


def test_confirming_saves_every_valid_row_with_history_once(world, line):
    officer = world.users["officer_a"]
    upload = file_import_upload(
        actor=officer,
        union=world.unions["A"],
        uploaded=workbook(row(name="甲"), row(name="乙"), row(name="错", household_size="")),
    )
    assert (upload.rows_total, upload.rows_valid, len(upload.problems)) == (3, 2, 1)
    assert not HardshipFile.objects.exists()  # checking saves nothing
    done = file_import_confirm(actor=officer, upload=upload)
    assert done.imported_count == 2
    files = HardshipFile.objects.order_by("name")
    assert [f.name for f in files] == ["乙", "甲"]
    assert all(f.history.get().history_user == officer for f in files)
    with pytest.raises(ValidationError):
        file_import_confirm(actor=officer, upload=FileImport.objects.get(pk=upload.pk))
    assert HardshipFile.objects.count() == 2


def test_a_file_opened_meanwhile_stops_the_import_and_shows_the_new_findings(world, line):
    officer = world.users["officer_a"]
    person = id_number()
    upload = file_import_upload(
        actor=officer, union=world.unions["A"], uploaded=workbook(row(id_number=person), row())
    )
    assert upload.problems == []
    saved(a_file(world.unions["A"], id_number=person))  # opened by hand meanwhile
    with pytest.raises(ValidationError):
        file_import_confirm(actor=officer, upload=upload)
    assert HardshipFile.objects.count() == 1  # nothing of the workbook
    upload.refresh_from_db()
    assert (upload.rows_valid, [p["row"] for p in upload.problems]) == (1, [2])


def test_the_pages_walk_from_the_template_to_the_imported_files(client, world, line):
    client.force_login(world.users["officer_a"])
    template = client.get(reverse("assistance:file_import_template"))
    sheet = load_workbook(_bytes(template)).active
    assert [cell.value for cell in sheet[1]] == HEADER
    page = reverse("assistance:file_import")
    wrong = client.post(
        page, {"union": world.unions["A"].pk, "file": workbook_file([], name="x.csv")}
    )
    assert wrong.status_code == 200 and ".xlsx" in wrong.content.decode()
    response = client.post(page, {"union": world.unions["A"].pk, "file": workbook(row(name="甲"))})
    upload = FileImport.objects.get()
    assert response["Location"] == upload.get_absolute_url()
    assert client.post(upload.get_absolute_url()).status_code == 302
    assert HardshipFile.objects.get().name == "甲"
    # Without the assistance permission, no page of it opens; out of scope, it is not there.
    for persona, status in (("cadre_a", 403), ("staff_aw", 404)):
        client.force_login(world.users[persona])
        assert client.get(upload.get_absolute_url()).status_code == status, persona


def _bytes(response):
    from io import BytesIO

    return BytesIO(response.content)


def test_an_export_masks_numbers_logs_the_download_and_imports_again(client, world, line):
    """The list as filtered, in the import's columns: masked, or whole as on a member's page
    (with the permission to see whole numbers, for the files the person may change: never for
    a read-only role); every download logged; an exported workbook imports as it is
    (here after the files were closed, as when a union restores its files)."""
    officer, staff = world.users["officer_a"], world.users["staff_lt"]
    kept = saved(a_file(world.unions["A"], name="甲", phone="13812345678", causes=["illness"]))
    saved(a_file(world.unions["A"], name="乙", grade=grade("special")))
    saved(a_file(world.unions["B"], name="别家"))  # out of the light-textile scope
    url = reverse("assistance:file_export")
    client.force_login(staff)
    sheet = load_workbook(_bytes(client.get(url, {"grade": grade("ordinary").pk}))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][: len(HEADER)]) == HEADER
    assert [r[0] for r in rows[1:]] == ["甲"]
    assert rows[1][1] == f"{kept.id_number[:6]}********{kept.id_number[-4:]}"
    assert rows[1][4] == "138****5678"
    leader = world.users["leader_lt"]  # reads everything, changes nothing
    leader.user_permissions.add(*Permission.objects.filter(codename__in=WHOLE))
    client.force_login(leader)
    assert client.get(url, {"whole": "1"}).status_code == 403
    client.force_login(officer)
    assert client.get(url, {"whole": "1"}).status_code == 403  # not without the permission
    officer.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    whole = client.get(url, {"whole": "1"})
    rows = list(load_workbook(_bytes(whole)).active.iter_rows(values_only=True))
    assert {r[0] for r in rows[1:]} == {"甲", "乙"}
    assert kept.id_number in {r[1] for r in rows[1:]}
    log = PersonalExport.objects.order_by("at", "pk")
    assert [(e.user, e.rows, e.whole_numbers, e.records) for e in log] == [
        (staff, 1, False, "assistance.HardshipFile"),
        (officer, 2, True, "assistance.HardshipFile"),
    ]
    assert log[0].filters == f"grade={grade('ordinary').pk}"
    HardshipFile.objects.update(closed_on=TODAY, close_reason="moved")
    check = check_files(_uploaded(whole.content), union=world.unions["A"])
    assert check.problems == [] and {f.name for f in check.files} == {"甲", "乙"}
    client.force_login(world.users["cadre_a"])  # figures only: no download at all
    assert client.get(url).status_code == 403
    assert PersonalExport.objects.count() == 2


def _uploaded(content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("导出.xlsx", content)


def test_a_row_shows_all_its_problems_at_once(world, line):
    check = check_files(
        workbook(row(id_number="210203199005031234", causes="没钱", grade="")),
        union=world.unions["A"],
    )
    assert [p.column for p in check.problems] == ["身份证号", "致困原因", "困难类别"]
    assert "患病、残疾、失业、子女上学、灾害、单亲、其他" in check.problems[1].message


def test_text_that_looks_like_a_formula_is_exported_as_text(client, world, line):
    saved(a_file(world.unions["A"], needs='=HYPERLINK("http://evil.example","点我")'))
    client.force_login(world.users["officer_a"])
    sheet = load_workbook(_bytes(client.get(reverse("assistance:file_export")))).active
    needs = sheet.cell(row=2, column=HEADER.index("帮扶需求") + 1)
    assert needs.value.startswith("=HYPERLINK") and needs.data_type == "s" and needs.quotePrefix


def test_a_closed_file_of_an_exported_workbook_is_not_imported(world, line):
    header = [*HEADER, "状态"]
    upload = workbook_file(
        [[*row(name="在档的"), "在档"], [*row(name="关闭的"), "已关闭"]],
        header=header,
        name="导出.xlsx",
    )
    check = check_files(upload, union=world.unions["A"])
    assert [f.name for f in check.files] == ["在档的"]
    assert [(p.row, p.column) for p in check.problems] == [(3, "状态")]


def test_a_download_is_the_list_as_narrowed_or_refused(client, world, line):
    """The dashboard's area narrows the download as it narrows the list; a filter the list
    cannot read (a union out of scope) is refused, not dropped (which would give every file)."""
    saved(a_file(world.unions["A"], name="甲"))
    saved(a_file(world.unions["C"], name="丙"))
    client.force_login(world.users["staff_lt"])
    url = reverse("assistance:file_export")
    response = client.get(url, {"union": world.unions["B"].pk})
    assert response.status_code == 400 and not PersonalExport.objects.exists()
    rows = list(
        load_workbook(
            _bytes(client.get(url, {"cadre": world.users["cadre_a"].pk}))
        ).active.iter_rows(values_only=True)
    )
    assert [r[0] for r in rows[1:]] == ["甲"]  # the cadre's area: union A


def test_checking_workbooks_is_limited_per_user_and_hour(client, world, line, settings):
    from django.core.cache import cache

    cache.clear()
    settings.FILE_IMPORT_CHECKS_PER_HOUR = 2
    client.force_login(world.users["officer_a"])
    url = reverse("assistance:file_import")
    for _ in range(2):
        assert (
            client.post(url, {"union": world.unions["A"].pk, "file": workbook(row())}).status_code
            == 302
        )
    response = client.post(url, {"union": world.unions["A"].pk, "file": workbook(row())})
    assert response.status_code == 200 and "一小时内检查的文件过多" in response.content.decode()
    assert FileImport.objects.count() == 2
