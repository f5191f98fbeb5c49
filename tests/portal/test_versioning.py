"""The version check where the writes happen (cohesion_portal.versioning): a service handed a
copy read before someone else's save refuses it, whoever calls it; two saves at the same moment
on PostgreSQL leave one winner."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from cohesion_portal.versioning import StaleRecord
from contracts.models import CollectiveContract
from contracts.services import contract_save
from unions.models import Enterprise, Union
from unions.services import enterprise_save
from unions.services.tree import UNION_FIELDS, union_update

from .. import scoping
from ..conftest import skip_unless_available
from ..editing import form_of


@pytest.mark.django_db
def test_a_service_given_a_copy_read_before_anothers_save_refuses_it(world):
    contract = scoping.contract_of(world.unions["A"])
    mine, theirs = (CollectiveContract.objects.get(pk=contract.pk) for _ in range(2))
    theirs.title = "他们改的名称"
    contract_save(actor=None, contract=theirs, enterprises=theirs.enterprises.all())

    mine.employer_party = "我改的用人单位"
    with pytest.raises(StaleRecord):
        contract_save(actor=None, contract=mine, enterprises=mine.enterprises.all())

    contract.refresh_from_db()
    assert (contract.title, contract.employer_party) == ("他们改的名称", "企业方")
    assert contract.history.count() == 2  # made, then their change: nothing of mine


@pytest.mark.django_db
def test_a_service_that_reads_the_record_again_under_its_lock_still_checks_the_callers_copy(
    world,
):
    union = world.unions["A"]
    mine = Union.objects.get(pk=union.pk)
    theirs = Union.objects.get(pk=union.pk)
    fields = {name: getattr(theirs, name) for name in UNION_FIELDS}
    union_update(actor=None, union=theirs, parent=None, **{**fields, "chair": "王主席"})

    with pytest.raises(StaleRecord):
        union_update(actor=None, union=mine, parent=None, **{**fields, "address": "新地址"})
    union.refresh_from_db()
    assert (union.chair, union.address) == ("王主席", fields["address"])


@pytest.mark.django_db
def test_a_copy_saved_twice_in_a_row_moves_on_with_its_own_saves(world):
    enterprise = scoping.enterprise_in(world.unions["A"])
    enterprise.headcount = 500
    enterprise_save(actor=None, enterprise=enterprise)
    enterprise.headcount = 600
    enterprise_save(actor=None, enterprise=enterprise)
    assert Enterprise.objects.get(pk=enterprise.pk).version == enterprise.version == 3


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_form_at_the_same_moment_leave_exactly_one_winner(world):
    skip_unless_available(
        connection.vendor == "postgresql",
        "needs PostgreSQL (DATABASE_URL), where requests really run side by side",
        "COHESION_REQUIRE_SERVICES",
    )
    enterprise = scoping.enterprise_in(world.unions["A"])
    url = reverse("unions:enterprise_edit", args=[enterprise.pk])
    officer = world.users["officer_a"]
    opener = Client()
    opener.force_login(officer)
    loaded = form_of(opener.get(url))  # both people opened the same version
    barrier = threading.Barrier(2)
    statuses = {}

    def save(headcount):
        client = Client()
        client.force_login(officer)
        barrier.wait()
        try:
            statuses[headcount] = client.post(url, {**loaded, "headcount": headcount}).status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(str(n),)) for n in (111, 222)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses.values()) == [200, 302]
    (winner,) = (headcount for headcount, status in statuses.items() if status == 302)
    enterprise.refresh_from_db()
    assert (enterprise.headcount, enterprise.version) == (int(winner), 2)
    assert enterprise.history.count() == 2
