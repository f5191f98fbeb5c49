"""Hardship files (困难职工档案), built by hand: which criteria a household meets against the
year's 低保 line (set here at 1,000 yuan a person a month), one open file a person across all
unions, the migrant-worker rule, the dates, and who may open the pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assistance.models import HardshipFile, SubsistenceLine
from assistance.services import hardship_file_save

from ..factories import enrol, id_number
from ..pages import as_post_data, post_forms
from .builders import grade

D = Decimal
pytestmark = pytest.mark.django_db
OPENED = datetime.date(2026, 3, 1)


@pytest.fixture
def line(db):
    return SubsistenceLine.objects.create(year=2026, monthly_amount=D("1000.00"))


def a_file(union, **fields) -> HardshipFile:
    values = {
        "union": union,
        "name": "王困难",
        "id_number": id_number(),
        "household_size": 3,
        "household_income": D("2700.00"),  # 900 a head: below the line
        "on_dibao": False,
        "causes": ["illness"],
        "grade": grade("ordinary"),
        "needs": "医疗救助",
        "opened_on": OPENED,
    } | fields
    return HardshipFile(**values)


def saved(file) -> HardshipFile:
    return hardship_file_save(actor=None, file=file)


def refused(file) -> dict:
    with pytest.raises(ValidationError) as error:
        saved(file)
    return error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "criteria"),
    [
        ({}, ["below_line"]),  # 2,700 / 3 = 900 < 1,000
        ({"household_income": D("2999.99")}, ["below_line"]),  # 999.997 a head
        ({"household_income": D("4200.00")}, ["near_line"]),  # 1,400 < 1,500, with illness
        ({"household_income": D("4200.00"), "causes": ["schooling"]}, ["near_line"]),
        ({"household_income": D("4499.99"), "causes": ["disaster"]}, ["near_line"]),
        ({"on_dibao": True, "household_income": D("6000.00")}, ["dibao"]),
        # 2,000 a month is 24,000 a year; medical costs of 12,000.01 are above half of it.
        (
            {"household_income": D("6000.00"), "household_size": 3, "medical_costs": D("36000.01")},
            ["medical"],
        ),
        ({"on_dibao": True, "medical_costs": D("20000")}, ["dibao", "below_line", "medical"]),
    ],
)
def test_the_criteria_a_household_meets(world, line, fields, criteria):
    assert saved(a_file(world.unions["A"], **fields)).criteria == criteria


@pytest.mark.parametrize(
    "fields",
    [
        {"household_income": D("4500.00")},  # exactly 150% of the line: not below it
        {"household_income": D("4200.00"), "causes": ["disability"]},  # no near-line cause
        {"household_income": D("6000.00"), "medical_costs": D("36000.00")},  # exactly half
    ],
)
def test_a_household_meeting_no_criterion_is_refused_saying_why(world, line, fields):
    errors = refused(a_file(world.unions["A"], **fields))
    assert "不符合任何困难认定条件" in errors["household_income"][0]
    assert not HardshipFile.objects.exists()


def test_without_the_years_line_only_dibao_and_medical_costs_count(world):
    errors = refused(a_file(world.unions["A"]))
    assert "尚未设定 2026 年的低保标准" in errors["household_income"][0]
    assert saved(a_file(world.unions["A"], on_dibao=True)).criteria == ["dibao"]


def test_one_open_file_a_person_across_all_unions(world, line):
    number = id_number()
    first = saved(a_file(world.unions["A"], id_number=number))
    errors = refused(a_file(world.unions["B"], id_number=number))
    assert "已有一份未结案的困难职工档案" in errors["id_number"][0]
    assert "单元A" not in errors["id_number"][0]  # the other union is not named
    first.closed_on, first.close_reason = datetime.date(2026, 9, 1), "out"
    saved(first)
    assert saved(a_file(world.unions["B"], id_number=number)).is_open


def test_a_migrant_worker_needs_membership_and_a_years_contract(world, line):
    member = enrol(world.unions["A"], name="李务工")
    errors = refused(a_file(world.unions["A"], id_number=id_number(), is_migrant=True))
    assert "工会会员" in errors["is_migrant"][0]
    errors = refused(a_file(world.unions["A"], id_number=member.id_number, is_migrant=True))
    assert "is_migrant" in errors  # a member, without a labour contract of a year
    file = saved(
        a_file(
            world.unions["A"], id_number=member.id_number, is_migrant=True, has_year_contract=True
        )
    )
    assert file.member == member
    errors = refused(
        a_file(world.unions["C"], id_number=id_number(), is_migrant=True, has_year_contract=True)
    )
    assert "is_migrant" in errors  # not a member of this union


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"opened_on": datetime.date(2099, 1, 1)}, "opened_on"),
        ({"last_reviewed_on": datetime.date(2026, 2, 28)}, "last_reviewed_on"),
        ({"closed_on": datetime.date(2026, 2, 1), "close_reason": "out"}, "closed_on"),
        ({"closed_on": datetime.date(2026, 9, 1)}, "close_reason"),
        ({"close_reason": "out"}, "closed_on"),
        ({"causes": []}, "causes"),
        ({"id_number": "210202199005031235"}, "id_number"),
    ],
)
def test_wrong_dates_and_entries_are_refused_by_field(world, line, fields, field):
    assert field in refused(a_file(world.unions["A"], **fields))
    assert not HardshipFile.objects.exists()


def test_a_file_due_for_review_after_six_months(world, line):
    today = datetime.date(2026, 11, 30)
    due = saved(a_file(world.unions["A"], opened_on=datetime.date(2026, 5, 30)))
    saved(a_file(world.unions["A"], opened_on=datetime.date(2026, 5, 31)))
    reviewed = saved(
        a_file(
            world.unions["A"],
            opened_on=datetime.date(2026, 1, 5),
            last_reviewed_on=datetime.date(2026, 6, 1),
        )
    )
    assert list(HardshipFile.objects.due_for_review(today)) == [due]
    assert reviewed not in HardshipFile.objects.due_for_review(today)


def test_only_those_with_the_permission_open_the_pages(client, world, line):
    file = saved(a_file(world.unions["A"], name="赵档案"))
    for persona, status in (("officer_a", 200), ("cadre_a", 403), ("leader_all", 403)):
        client.force_login(world.users[persona])
        for url in (reverse("assistance:file_list"), file.get_absolute_url()):
            assert client.get(url).status_code == status, (persona, url)
    client.force_login(world.users["cadre_a"])
    assert "困难职工档案" not in client.get(reverse("home")).content.decode()
    client.force_login(world.users["officer_a"])
    page = client.get(reverse("assistance:file_list")).content.decode()
    assert "赵档案" in page and file.id_number not in page  # the ID number masked
    assert f"{file.id_number[:6]}********{file.id_number[-4:]}" in page


def test_an_officer_opens_a_file_in_the_browser_form_and_a_wrong_income_loses_nothing(
    client, world, line
):
    client.force_login(world.users["officer_a"])
    url = reverse("assistance:file_create")
    page = client.get(url, {"union": world.unions["A"].pk}).content.decode()
    form = as_post_data(next(f for f in post_forms(page) if f["action"] in ("", url))["fields"])
    special = grade("special")
    form |= {
        "union": [str(world.unions["A"].pk)],
        "name": ["钱师傅"],
        "id_number": [id_number()],
        "household_size": ["2"],
        "household_income": ["-100"],
        "causes": ["illness", "schooling"],
        "grade": [str(special.pk)],
        "needs": ["孩子学费"],
        "opened_on": ["2026-03-01"],
    }
    response = client.post(url, form)
    assert response.status_code == 200 and not HardshipFile.objects.exists()
    assert "钱师傅" in response.content.decode()  # what was typed is still there
    form["household_income"] = ["1600.00"]  # 800 a head
    response = client.post(url, form)
    file = HardshipFile.objects.get()
    assert response.status_code == 302 and response["Location"] == file.get_absolute_url()
    assert (file.grade, file.causes, file.criteria) == (
        special,
        ["illness", "schooling"],
        ["below_line"],
    )
    assert file.history.get().history_user == world.users["officer_a"]
    detail = client.get(file.get_absolute_url()).content.decode()
    assert "人均收入低于低保标准" in detail


def test_the_household_is_added_to_and_taken_from_with_history(client, world, line):
    file = saved(a_file(world.unions["A"], name="孙师傅"))
    client.force_login(world.users["officer_a"])
    url = reverse("assistance:household_add", args=[file.pk])
    wrong = {"name": "孙小明", "relation": "child", "born_in": "1899", "monthly_income": "0"}
    response = client.post(url, wrong)
    assert response.status_code == 200 and not file.household.exists()
    assert "出生年份应在 1900" in response.content.decode()
    response = client.post(url, wrong | {"born_in": "2012", "situation": "在校"})
    assert response["Location"] == file.get_absolute_url()
    person = file.household.get()
    page = client.get(file.get_absolute_url()).content.decode()
    assert "孙小明" in page and "在校" in page
    assert client.get(reverse("assistance:household_remove", args=[person.pk])).status_code == 200
    client.post(reverse("assistance:household_remove", args=[person.pk]))
    assert not file.household.exists()
    removal = person.history.filter(history_type="-").get()
    assert removal.history_user == world.users["officer_a"]
    client.force_login(world.users["cadre_a"])
    assert client.post(url, wrong | {"born_in": "2012"}).status_code == 403


def test_the_history_page_shows_a_files_changes_only_with_the_permission(client, world, line):
    """Industry staff browse every change on the history page; a hardship file's (its worker's
    name) only if they hold the assistance permission too."""
    saved(a_file(world.unions["A"], name="周档案"))
    staff = world.users["staff_lt"]
    client.force_login(staff)
    assert "周档案" in client.get(reverse("reports:history")).content.decode()
    staff.user_permissions.clear()
    client.force_login(type(staff).objects.get(pk=staff.pk))  # (permissions are cached)
    page = client.get(reverse("reports:history")).content.decode()
    assert "周档案" not in page and world.unions["A"].name in page  # the rest still there
