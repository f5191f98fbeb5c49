"""Deleting a union, an enterprise or a member that has records is refused: nothing cascades
away. (The admin is the only place that deletes, for superusers.)"""

import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from contracts.models import CollectiveContract
from standards.models import Scorecard
from unions.models import Enterprise, Member, Membership, Union

from ..factories import enrol
from ..scoping import contract_of, scorecard_of


def delete_in_the_admin(client, obj):
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


@pytest.mark.django_db
def test_a_member_with_a_membership_history_is_not_deleted(world):
    member = enrol(world.unions["A"])
    with pytest.raises(ProtectedError):
        member.delete()
    assert Membership.objects.filter(member=member).count() == 1


@pytest.mark.django_db
def test_a_union_with_members_or_scorecards_is_not_deleted(world):
    enrol(world.deepest["A"])
    scorecard_of(world.deepest["C"])
    for union in (world.deepest["A"], world.deepest["C"]):
        with pytest.raises(ProtectedError):
            union.delete()
    assert Scorecard.objects.count() == 1 and Member.objects.count() == 1


@pytest.mark.django_db
def test_an_enterprise_a_contract_covers_is_not_deleted(world):
    contract = contract_of(world.unions["A"])
    enterprise = contract.enterprises.get()
    with pytest.raises(ProtectedError):
        enterprise.delete()
    assert list(CollectiveContract.objects.get().enterprises.all()) == [enterprise]


@pytest.mark.django_db
def test_the_admin_refuses_and_names_what_holds_the_record(client, world):
    contract = contract_of(world.unions["A"])
    enterprise = contract.enterprises.get()
    member = enrol(world.unions["C"])
    client.force_login(world.users["superuser"])
    for obj in (enterprise, member, world.unions["A"]):
        response = delete_in_the_admin(client, obj)
        assert response.status_code == 200, obj  # the "cannot delete" page, not a redirect
        assert response.context["protected"], obj  # what holds it, listed on the page
    assert Enterprise.objects.filter(pk=enterprise.pk).exists()
    assert Member.objects.filter(pk=member.pk).exists()
    assert Union.objects.filter(pk=world.unions["A"].pk).exists()
    assert contract.enterprises.count() == 1


@pytest.mark.django_db
def test_a_union_with_no_records_can_still_be_deleted(client, world):
    from ..factories import make_union

    mistake = make_union("误建的工会委员会")
    client.force_login(world.users["superuser"])
    response = delete_in_the_admin(client, mistake)
    assert response.status_code == 302
    assert not Union.objects.filter(pk=mistake.pk).exists()
