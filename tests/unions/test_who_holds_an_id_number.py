"""Who holds an ID number is personal data: a union outside the user's area is named only on a
transfer request that is actually filed; each look-up is recorded and limited per user."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from unions.id_numbers import mask_id_number
from unions.models import Member, PersonalDataDisclosure, Transfer
from unions.roster_check import check_roster

from ..factories import enrol, id_number
from ..rosters import workbook_file


def ask_for_transfer(client, number, into):
    return client.post(
        reverse("unions:transfer_request"), {"id_number": number, "to_union": into.pk}
    )


def enrol_through_the_page(client, union, number):
    return client.post(
        reverse("unions:member_create"),
        {
            "name": "王五",
            "gender": "male",
            "id_number": number,
            "birth_date": "1990-05-03",
            "union": union.pk,
            "joined_on": "2026-04-01",
            "hukou": "",
            "education": "",
        },
    )


@pytest.mark.django_db
def test_enrolling_someone_held_elsewhere_does_not_name_a_union_outside_the_area(client, world):
    held_by_b = enrol(world.unions["B"])
    client.force_login(world.users["officer_a"])
    response = enrol_through_the_page(client, world.unions["A"], held_by_b.id_number)
    error = " ".join(response.context["form"].errors["id_number"])
    assert "另一个工会" in error
    assert world.unions["B"].name not in response.content.decode()
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_enrolling_someone_held_in_the_users_own_area_names_that_union(client, world):
    held_by_c = enrol(world.unions["C"])
    client.force_login(world.users["staff_lt"])  # sees A and C
    response = enrol_through_the_page(client, world.unions["A"], held_by_c.id_number)
    assert world.unions["C"].name in " ".join(response.context["form"].errors["id_number"])


@pytest.mark.django_db
def test_a_roster_does_not_name_the_union_that_holds_someone_elsewhere(world):
    held_by_b, ours = enrol(world.unions["B"]), enrol(world.unions["A"])
    rows = [
        ("甲", held_by_b.id_number, "2026-04-01", "", "", "", "是"),
        ("乙", ours.id_number, "2026-04-01", "", "", "", "是"),
    ]
    check = check_roster(workbook_file(rows), union=world.unions["A"])
    messages = [problem.message for problem in check.problems]
    assert messages == [
        "已是另一个工会的会员；请申请转会。",
        f"已是本工会会员（{world.unions['A'].name}）。",  # its own union: nothing to transfer
    ]


@pytest.mark.django_db
def test_a_filed_transfer_request_names_the_holder_and_records_the_look_up(client, world):
    held_by_b = enrol(world.unions["B"])
    client.force_login(world.users["officer_a"])
    response = ask_for_transfer(client, held_by_b.id_number, world.unions["A"])
    assert response.status_code == 302
    assert Transfer.objects.get().member == held_by_b
    page = client.get(response["Location"]).content.decode()
    assert world.unions["B"].name in page  # the request went there: now it may be said
    record = PersonalDataDisclosure.objects.get()
    assert (record.user, record.member, record.reason) == (
        world.users["officer_a"],
        held_by_b,
        "transfer_lookup",
    )
    assert record.looked_up == mask_id_number(held_by_b.id_number)


@pytest.mark.django_db
def test_a_number_nobody_holds_is_said_plainly_and_the_look_up_recorded(client, world):
    client.force_login(world.users["officer_a"])
    response = ask_for_transfer(client, id_number(), world.unions["A"])
    assert "没有在籍会员使用该身份证号" in " ".join(response.context["form"].errors["id_number"])
    record = PersonalDataDisclosure.objects.get()
    assert record.member is None and record.reason == "transfer_lookup"
    assert not Transfer.objects.exists()


@pytest.mark.django_db
def test_look_ups_are_limited_per_user_per_hour(client, world, settings):
    settings.TRANSFER_LOOKUPS_PER_HOUR = 3
    client.force_login(world.users["officer_a"])
    for _ in range(3):
        assert ask_for_transfer(client, id_number(), world.unions["A"]).status_code == 200
    held_by_b = enrol(world.unions["B"])
    response = ask_for_transfer(client, held_by_b.id_number, world.unions["A"])
    assert "最近一小时内已查询 3 个身份证号" in " ".join(
        response.context["form"].errors["id_number"]
    )
    assert world.unions["B"].name not in response.content.decode()
    assert not Transfer.objects.exists()
    assert PersonalDataDisclosure.objects.count() == 3
    # Another user has their own allowance; an hour later the first has theirs again.
    client.force_login(world.users["staff_lt"])
    assert ask_for_transfer(client, held_by_b.id_number, world.unions["A"]).status_code == 302
    Transfer.objects.all().delete()
    PersonalDataDisclosure.objects.update(at=timezone.now() - datetime.timedelta(minutes=61))
    client.force_login(world.users["officer_a"])
    assert ask_for_transfer(client, held_by_b.id_number, world.unions["A"]).status_code == 302
