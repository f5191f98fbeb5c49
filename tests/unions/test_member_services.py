import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from unions.models import Member, Membership, PersonalDataDisclosure, Transfer
from unions.services import (
    AlreadyMember,
    member_disclose,
    member_leave,
    member_rejoin,
    member_update,
    transfer_decide,
    transfer_request,
)

from ..factories import EnterpriseFactory, enrol, id_number

BORN = datetime.date(1990, 5, 3)


@pytest.mark.django_db
def test_enrolling_opens_a_membership_period(world):
    member = enrol(world.deepest["A"], joined_on=datetime.date(2026, 2, 1))
    period = Membership.objects.get(member=member)
    assert (period.union, period.started_on, period.start, period.ended_on) == (
        world.deepest["A"],
        datetime.date(2026, 2, 1),
        "joined",
        None,
    )


@pytest.mark.django_db
def test_a_second_union_is_told_who_holds_the_person(world):
    number = id_number(BORN)
    enrol(world.unions["A"], id_number=number)
    with pytest.raises(AlreadyMember) as error:
        enrol(world.unions["B"], id_number=number)
    assert "单元A工会委员会" in error.value.message_dict["id_number"][0]
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_the_15_digit_form_of_a_known_number_is_the_same_person(world):
    enrol(
        world.unions["A"],
        id_number="11010519491231002X",
        born=datetime.date(1949, 12, 31),
        male=False,
    )
    with pytest.raises(AlreadyMember):
        enrol(
            world.unions["B"],
            id_number="110105491231002",
            born=datetime.date(1949, 12, 31),
            male=False,
        )


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_even_past_the_service(world):
    member = enrol(world.unions["A"])
    with pytest.raises(IntegrityError):
        Member.objects.create(
            name="重复",
            gender="male",
            id_number=member.id_number,
            birth_date=BORN,
            union=world.unions["B"],
            joined_on=datetime.date(2026, 1, 1),
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"born": datetime.date(1990, 5, 4)}, "birth_date"),
        ({"male": False}, "gender"),
        ({"joined_on": datetime.date(2005, 1, 1)}, "joined_on"),  # aged 14
        # The last day there is: the age check counted 16 years on from it (a server error).
        ({"born": datetime.date(9999, 12, 31)}, "birth_date"),
    ],
)
def test_personal_details_must_agree_with_the_id_number(world, changes, field):
    number = id_number(BORN, True)
    born = changes.pop("born", BORN)
    with pytest.raises(ValidationError) as error:
        enrol(world.unions["A"], id_number=number, born=born, **changes)
    assert field in error.value.message_dict
    assert not Member.objects.exists()


@pytest.mark.django_db
def test_the_enterprise_must_belong_to_the_members_union(world):
    with pytest.raises(ValidationError) as error:
        enrol(world.unions["A"], enterprise=EnterpriseFactory(union=world.unions["C"]))
    assert "enterprise" in error.value.message_dict
    enrol(world.deepest["A"], enterprise=EnterpriseFactory(union=world.unions["A"]))


@pytest.mark.django_db
def test_a_member_leaves_and_rejoins_elsewhere_with_the_history_kept(world):
    member = enrol(world.unions["A"], joined_on=datetime.date(2025, 1, 1))
    member_leave(actor=None, member=member, on=datetime.date(2025, 6, 30), reason="离职")
    # Union B enrols the same person: they rejoin, the same member with their history.
    again = enrol(
        world.unions["B"], id_number=member.id_number, joined_on=datetime.date(2026, 2, 1)
    )
    assert again.pk == member.pk and again.status == "active"
    periods = list(
        Membership.objects.filter(member=member).values_list("union__name", "start", "end")
    )
    assert periods == [("单元A工会委员会", "joined", "left"), ("单元B工会委员会", "rejoined", "")]


@pytest.mark.django_db
def test_a_transfer_moves_the_member_when_the_holding_union_accepts(world):
    member = enrol(world.deepest["A"])
    transfer = transfer_request(
        actor=world.users["staff_aw"], member=member, to_union=world.unions["B"]
    )
    with pytest.raises(ValidationError):
        transfer_request(actor=world.users["staff_aw"], member=member, to_union=world.unions["B"])
    transfer_decide(actor=world.users["officer_a"], transfer=transfer, accept=True)
    member.refresh_from_db()
    assert member.union == world.unions["B"]
    ends = list(Membership.objects.filter(member=member).values_list("start", "end"))
    assert ends == [("joined", "transferred"), ("transferred_in", "")]


@pytest.mark.django_db
def test_a_transfer_is_decided_once(world):
    member = enrol(world.unions["A"])
    transfer = transfer_request(
        actor=world.users["staff_aw"], member=member, to_union=world.unions["B"]
    )
    transfer_decide(
        actor=world.users["officer_a"], transfer=transfer, accept=False, reason="未离职"
    )
    with pytest.raises(ValidationError):
        transfer_decide(actor=world.users["officer_a"], transfer=transfer, accept=True)
    member.refresh_from_db()
    assert member.union == world.unions["A"]
    assert Transfer.objects.get().status == "rejected"


@pytest.mark.django_db
def test_a_rejoining_before_the_leaving_date_is_refused(world):
    member = enrol(world.unions["A"], joined_on=datetime.date(2025, 1, 1))
    member_leave(actor=None, member=member, on=datetime.date(2025, 6, 30), reason="离职")
    with pytest.raises(ValidationError):
        member_rejoin(
            actor=None, member=member, union=world.unions["B"], on=datetime.date(2025, 6, 1)
        )


@pytest.mark.django_db
def test_correcting_the_joining_date_moves_the_open_period_too(world):
    member = enrol(world.unions["A"], joined_on=datetime.date(2025, 12, 30))
    member.joined_on = datetime.date(2026, 1, 5)
    member_update(actor=None, member=member)
    assert Membership.objects.get(member=member).started_on == datetime.date(2026, 1, 5)


@pytest.mark.django_db
def test_a_transfer_of_a_member_who_left_meanwhile_is_not_accepted(world):
    member = enrol(world.unions["A"])
    transfer = transfer_request(
        actor=world.users["staff_aw"], member=member, to_union=world.unions["B"]
    )
    Member.objects.filter(pk=member.pk).update(status="left")  # left through another door
    with pytest.raises(ValidationError):
        transfer_decide(actor=world.users["officer_a"], transfer=transfer, accept=True)
    assert Transfer.objects.get().status == "pending"


@pytest.mark.django_db
def test_moving_to_another_grassroots_union_by_editing_is_refused(world):
    member = enrol(world.unions["A"])
    member.union = world.unions["B"]
    with pytest.raises(ValidationError) as error:
        member_update(actor=None, member=member)
    assert "union" in error.value.message_dict
    member.union = world.deepest["A"]
    member_update(actor=None, member=member)
    assert Membership.objects.get(member=member).union == world.deepest["A"]


@pytest.mark.django_db
def test_seeing_a_whole_id_number_is_recorded_and_needs_the_permission(world, django_user_model):
    from django.contrib.auth.models import Permission

    member = enrol(world.unions["A"])
    officer = world.users["officer_a"]
    with pytest.raises(PermissionDenied):
        member_disclose(actor=officer, member=member)
    officer.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    officer = django_user_model.objects.get(pk=officer.pk)  # permissions are cached per object
    member_disclose(actor=officer, member=member)
    assert PersonalDataDisclosure.objects.get().user == officer
