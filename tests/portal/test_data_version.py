"""The data version grows after every committed write, by any path, and the figures cached
under it (the dashboard, the workbench) follow the records. These tests commit for real
(transaction=True): the version moves only when a transaction commits."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.core.cache.backends.base import BaseCache
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


def unsaved_member(union, id_number):
    return Member(
        name="批量",
        id_number=id_number,
        union=union,
        birth_date=datetime.date(1990, 5, 3),
        joined_on=datetime.date(2026, 3, 1),
    )


@pytest.mark.parametrize(
    "write",
    [
        lambda union: Member.objects.filter(union=union).update(phone="13900000000"),
        lambda union: Membership.objects.filter(union=union).delete(),
        lambda union: Member.objects.bulk_create([unsaved_member(union, "11010119900503001X")]),
        lambda union: connection.cursor().execute(
            "UPDATE unions_member SET phone = %s WHERE union_id = %s", ["13900000001", union.pk]
        ),
        lambda union: Member.objects.bulk_create(
            [unsaved_member(union, "11010119900503002X")],
            ignore_conflicts=True,  # INSERT OR IGNORE on SQLite, ON CONFLICT on PostgreSQL
        ),
    ],
    ids=["update()", "delete()", "bulk_create()", "raw SQL", "bulk_create(ignore_conflicts)"],
)
def test_writes_that_bypass_the_models_bump_too(world, write):
    enrol(world.unions["A"])
    before = data_version.current()
    write(world.unions["A"])
    assert data_version.current() == before + 1


def test_bookkeeping_of_visits_and_logins_does_not_bump(client, world):
    before = data_version.current()
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
    user = world.users["officer_a"]
    user.set_password("secret-pass-1")
    user.save()
    after_the_change = data_version.current()
    assert after_the_change > before  # (a change to the user is a write like any other)
    response = client.post(
        reverse("login"), {"username": user.username, "password": "secret-pass-1"}
    )
    assert response.status_code == 302  # in; last_login stamped
    assert data_version.current() == after_the_change


def test_inside_a_transaction_that_has_written_the_figures_are_not_cached(world, figures_cached):
    computed = []

    def compute():
        computed.append(1)
        return "figures"

    with transaction.atomic():
        enrol(world.unions["A"])
        for _ in range(2):
            data_version.cached("test", ("parts",), compute)
    assert len(computed) == 2
    for _ in range(2):
        data_version.cached("test", ("parts",), compute)
    assert len(computed) == 3  # after the commit: once, then from the cache


class BrokenCache(BaseCache):
    """A cache server that does not answer."""

    def get(self, *args, **kwargs):
        raise ConnectionError("cache down")

    def set(self, *args, **kwargs):
        raise ConnectionError("cache down")


def test_with_the_cache_server_down_the_dashboard_is_computed(client, world, settings):
    settings.FIGURES_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.BrokenCache"}}
    client.force_login(world.users["staff_lt"])
    assert client.get(reverse("reports:dashboard")).status_code == 200


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
    # Served from the cache: the session, the user, the filter's choices, the version and the
    # sidebar's permissions.
    with django_assert_max_num_queries(10):
        dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    cards = {state.target.code: state for state in dashboard.targets}
    assert cards["T1"].current == 1
    assert cards["T1"].metric.key == "unions.new_generation_recruits"  # the registry's
    assert dashboard.attention and all(item.label and url for item, _, url in dashboard.attention)
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
