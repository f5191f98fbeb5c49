import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from unions.id_numbers import mask_id_number
from unions.models import Member, PersonalDataDisclosure, Transfer

from ..factories import enrol, id_number

CREATE = reverse("unions:member_create")


def enrol_data(union, **overrides):
    data = {
        "name": "张伟",
        "id_number": id_number(datetime.date(1995, 6, 1), male=True),
        "gender": "",
        "birth_date": "",
        "union": union.pk,
        "joined_on": "2026-03-02",
        "is_migrant": "on",
        "hukou": "agricultural",
    }
    data.update(overrides)
    return data


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


@pytest.mark.django_db
def test_an_officer_enrols_a_member_and_birth_date_and_gender_come_from_the_id(officer, world):
    response = officer.post(CREATE, enrol_data(world.deepest["A"]))
    member = Member.objects.get(name="张伟")
    assert response["Location"] == member.get_absolute_url()
    assert member.birth_date == datetime.date(1995, 6, 1)
    assert member.gender == "male"
    assert member.is_new_generation_migrant


@pytest.mark.django_db
def test_a_mistyped_id_number_is_named_next_to_the_field(officer, world):
    number = id_number()
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    response = officer.post(CREATE, enrol_data(world.unions["A"], id_number=wrong))
    assert response.context["form"].errors["id_number"] == [
        "校验码不符：18 位中有字符输入错误，请核对。"
    ]
    assert not Member.objects.exists()


@pytest.mark.django_db
def test_a_person_of_a_union_outside_the_area_is_refused_without_naming_it(officer, world):
    held = enrol(world.unions["B"])
    response = officer.post(CREATE, enrol_data(world.unions["A"], id_number=held.id_number))
    errors = response.context["form"].errors["id_number"]
    assert errors == ["此人已是另一个工会的会员。如需接收，请发起转会申请：申请将发往其所在工会。"]
    assert "单元B" not in response.content.decode()
    assert reverse("unions:transfer_request") in response.content.decode()
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_the_roster_masks_id_numbers_and_finds_by_the_last_four(officer, world):
    member = enrol(world.unions["A"], name="李娜")
    enrol(world.unions["A"], name="王芳")
    response = officer.get(reverse("unions:member_list"), {"q": member.id_number[-4:]})
    page = response.content.decode()
    assert [m.name for m in response.context["table"].data] == ["李娜"]
    assert member.id_number not in page
    assert mask_id_number(member.id_number) in page


@pytest.mark.django_db
def test_the_new_generation_filter(officer, world):
    enrol(world.unions["A"], name="八零后", born=datetime.date(1980, 1, 1))
    enrol(world.unions["A"], name="七九年", born=datetime.date(1979, 12, 31))
    enrol(world.unions["A"], name="本地", born=datetime.date(1990, 1, 1), migrant=False)
    response = officer.get(reverse("unions:member_list"), {"new_generation": "true"})
    assert [m.name for m in response.context["table"].data] == ["八零后"]


@pytest.mark.django_db
def test_whole_numbers_need_the_permission_and_each_showing_is_recorded(
    client, world, django_user_model
):
    member = enrol(world.unions["A"], phone="13812345678")
    url = reverse("unions:member_disclose", args=[member.pk])
    client.force_login(world.users["officer_a"])
    page = client.get(member.get_absolute_url()).content.decode()
    assert member.id_number not in page and "13812345678" not in page
    assert client.post(url).status_code == 403
    world.users["officer_a"].user_permissions.add(
        Permission.objects.get(codename="view_personal_data")
    )
    page = client.post(url, HTTP_HX_REQUEST="true").content.decode()
    assert member.id_number in page and "13812345678" in page
    assert PersonalDataDisclosure.objects.get().user == world.users["officer_a"]


@pytest.mark.django_db
def test_a_transfer_asked_by_one_union_and_accepted_by_the_other(client, world):
    member = enrol(world.unions["A"])
    client.force_login(world.users["staff_aw"])
    response = client.post(
        reverse("unions:transfer_request"),
        {"id_number": member.id_number, "to_union": world.unions["B"].pk, "note": "调入"},
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    decide = reverse("unions:transfer_decide", args=[transfer.pk])
    assert client.get(decide).status_code == 403  # the asking union does not decide

    client.force_login(world.users["officer_a"])
    assert client.post(decide, {"accept": "no"}).context["form"].errors["reason"]
    client.post(decide, {"accept": "yes"})
    member.refresh_from_db()
    assert member.union == world.unions["B"]


@pytest.mark.django_db
def test_a_member_leaves_and_rejoins_through_the_pages(officer, world):
    member = enrol(world.unions["A"], joined_on=datetime.date(2025, 1, 1))
    officer.post(
        reverse("unions:member_leave", args=[member.pk]),
        {"kind": "left", "on": "2026-01-31", "reason": "离职"},
    )
    member.refresh_from_db()
    assert member.status == "left"
    response = officer.post(
        reverse("unions:member_rejoin", args=[member.pk]),
        {"union": world.deepest["A"].pk, "on": "2026-01-01"},
    )
    assert response.context["form"].errors["on"][0].startswith("该日期早于会员退会日期")
    officer.post(
        reverse("unions:member_rejoin", args=[member.pk]),
        {"union": world.deepest["A"].pk, "on": "2026-02-01"},
    )
    member.refresh_from_db()
    assert (member.status, member.union) == ("active", world.deepest["A"])


@pytest.mark.django_db
def test_the_edit_page_shows_no_whole_numbers_and_keeps_the_phone(officer, world):
    member = enrol(world.unions["A"], phone="13812345678")
    page = officer.get(reverse("unions:member_edit", args=[member.pk])).content.decode()
    assert member.id_number not in page and "13812345678" not in page
    assert "138****5678" in page
    response = officer.post(
        reverse("unions:member_edit", args=[member.pk]),
        {
            "name": member.name,
            "gender": "male",
            "union": world.unions["A"].pk,
            "joined_on": member.joined_on.isoformat(),
            "phone": "",
            "is_migrant": "on",
            "record_version": member.version,
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.phone == "13812345678"


@pytest.mark.django_db
def test_the_workbench_counts_this_years_recruits_as_the_list_behind_it(client, world):
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    enrol(world.unions["A"], born=datetime.date(1990, 1, 1), joined_on=start)
    enrol(world.deepest["A"], born=datetime.date(1995, 1, 1), joined_on=start)
    enrol(world.unions["A"], born=datetime.date(1979, 12, 31), joined_on=start)  # too old
    enrol(world.unions["A"], born=datetime.date(1990, 1, 1), joined_on=start, migrant=False)
    enrol(world.unions["B"], born=datetime.date(1990, 1, 1), joined_on=start)  # not A's scope
    client.force_login(world.users["officer_a"])
    assert client.get("/").context["recruits"] == 2
    listed = client.get(reverse("unions:recruit_list"), {"since": start.isoformat()})
    assert len(listed.context["table"].data) == 2
