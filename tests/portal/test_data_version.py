"""The data version grows after every committed write, by any path, and the figures cached
under it (the dashboard, the workbench) follow the records. These tests commit for real
(transaction=True): the version moves only when a transaction commits."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from cohesion_portal import data_version
from unions.models import Member, Membership

from ..factories import enrol
from ..standards.schemes import plan_with_t1_and_t2

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def figures_cached(settings):
    from django.core.cache import cache

    settings.FIGURES_CACHE_SECONDS = 600
    cache.clear()


def test_a_transaction_bumps_once_and_only_when_it_commits(world):
    before = data_version.current()
    with transaction.atomic():
        for _ in range(3):
            enrol(world.unions["A"])
        assert data_version.current() == before  # not yet: nothing is committed
    assert data_version.current() == before + 1


def test_a_rolled_back_transaction_does_not_bump(world):
    before = data_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        enrol(world.unions["A"])
        raise RuntimeError("changed our mind")
    assert data_version.current() == before


@pytest.mark.parametrize(
    "write",
    [
        lambda union: Member.objects.filter(union=union).update(phone="13900000000"),
        lambda union: Membership.objects.filter(union=union).delete(),
        lambda union: Member.objects.bulk_create(
            [
                Member(
                    name="批量",
                    id_number="11010119900503001X",
                    union=union,
                    birth_date=datetime.date(1990, 5, 3),
                    joined_on=datetime.date(2026, 3, 1),
                )
            ]
        ),
        lambda union: connection.cursor().execute(
            "UPDATE unions_member SET phone = %s WHERE union_id = %s", ["13900000001", union.pk]
        ),
    ],
    ids=["update()", "delete()", "bulk_create()", "raw SQL"],
)
def test_writes_that_bypass_the_models_bump_too(world, write):
    enrol(world.unions["A"])
    before = data_version.current()
    write(world.unions["A"])
    assert data_version.current() == before + 1


def test_bookkeeping_of_visits_does_not_bump(world):
    before = data_version.current()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
    assert data_version.current() == before


def _t1(client):
    dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    return {state.target.code: state for state in dashboard.targets}["T1"].current


def test_the_cached_dashboard_follows_a_write_that_bypasses_the_models(
    client, world, figures_cached, django_assert_max_num_queries
):
    today = timezone.localdate()
    plan_with_t1_and_t2(today - datetime.timedelta(days=60), today + datetime.timedelta(days=60))
    enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=5))
    late = enrol(world.unions["C"], joined_on=today - datetime.timedelta(days=90))
    client.force_login(world.users["staff_lt"])
    assert _t1(client) == 1
    # Served from the cache: the session, the user, the filter's choices and the version.
    with django_assert_max_num_queries(8):
        assert _t1(client) == 1
    # The recruit who joined before the plan moved into it by a bare update(): no signal.
    Membership.objects.filter(member=late).update(started_on=today - datetime.timedelta(days=1))
    assert _t1(client) == 2


def test_the_cached_workbench_follows_the_records(client, world, figures_cached):
    client.force_login(world.users["officer_a"])
    enrol(world.unions["A"])
    before = client.get("/").context["overview"]["members"]
    with transaction.atomic():
        enrol(world.unions["A"])
    assert client.get("/").context["overview"]["members"] == before + 1


def test_two_areas_do_not_share_a_cached_dashboard(client, world, figures_cached):
    today = timezone.localdate()
    plan_with_t1_and_t2(today - datetime.timedelta(days=60), today + datetime.timedelta(days=60))
    enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=5))
    enrol(world.unions["B"], joined_on=today - datetime.timedelta(days=5))
    enrol(world.unions["B"], joined_on=today - datetime.timedelta(days=6))
    client.force_login(world.users["staff_lt"])
    assert _t1(client) == 1
    client.force_login(world.users["staff_aw"])
    assert _t1(client) == 2
