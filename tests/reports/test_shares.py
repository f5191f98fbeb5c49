"""A union's share of the plan's targets (standards.shares), from numbers worked out by hand:
the unions behind on recruitment, and a grassroots officer's home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from standards.shares import (
    count_share,
    count_status,
    elapsed,
    is_behind,
    migrant_weights,
    recruitment_standings,
)
from standards.targets import Status

from ..factories import EnterpriseFactory, enrol
from ..scoping import contract_of
from .test_dashboard_filters import t1_plan


def test_a_count_target_is_shared_by_migrant_workers():
    assert count_share(500, own=30, of=600) == 25
    assert count_share(500, own=0, of=600) == 0
    assert count_share(500, own=0, of=0) == 0  # an industry union without migrant workers


def test_the_time_elapsed_counts_both_ends():
    start, deadline = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert elapsed(starts_on=start, deadline=deadline, today=start) == 1 / 365
    assert elapsed(starts_on=start, deadline=deadline, today=datetime.date(2026, 7, 2)) == 183 / 365
    assert elapsed(starts_on=start, deadline=deadline, today=deadline) == 1
    assert elapsed(starts_on=start, deadline=deadline, today=datetime.date(2027, 3, 1)) == 1
    assert elapsed(starts_on=start, deadline=deadline, today=datetime.date(2025, 12, 31)) == 0


def test_a_union_is_behind_only_by_whole_people():
    assert is_behind(2, 3.36)  # owes 3 by now
    assert not is_behind(3, 3.36)
    assert not is_behind(1, 1.68)
    assert not is_behind(0, 0.99)  # owing less than a person is not being behind
    assert is_behind(0, 3 * (1 / 3))  # (0.999… is one person)
    assert count_status(6, share=6, owed_now=3) == Status.ACHIEVED
    assert count_status(3, share=6, owed_now=3.02) == Status.ON_TRACK
    assert count_status(2, share=6, owed_now=3.02) == Status.BEHIND
    assert count_status(0, share=0, owed_now=0) == Status.NO_DATA


@pytest.fixture
def migrants(world):
    """Migrant workers of unionized enterprises: A 40 + 20 (in its branch), C 40, B 100 (the
    agri-water union's); an enterprise without a union (50) counts for nobody."""
    EnterpriseFactory(union=world.unions["A"], headcount=100, migrant_headcount=40)
    EnterpriseFactory(union=world.deepest["A"].parent, headcount=50, migrant_headcount=20)
    EnterpriseFactory(union=world.unions["C"], headcount=100, migrant_headcount=40)
    EnterpriseFactory(union=world.unions["B"], headcount=200, migrant_headcount=100, sector="water")
    EnterpriseFactory(headcount=100, migrant_headcount=50)


@pytest.mark.django_db
def test_migrant_weights_are_each_unions_against_the_whole_system(world, migrants):
    plan = t1_plan(10)
    a, b, c = (world.unions[label].pk for label in "ABC")
    start = plan.starts_on  # (every enterprise here joined before the plan began)

    def weights(persona):
        found = migrant_weights(plan, user=world.users[persona])
        return found.by_union, found.total, found.everything

    assert weights("staff_lt") == ({a: {start: 60}, c: {start: 40}}, 200, False)
    assert weights("officer_a") == ({a: {start: 60}}, 200, False)
    assert weights("cadre_a") == ({a: {start: 60}}, 200, False)
    assert weights("superuser") == ({a: {start: 60}, c: {start: 40}, b: {start: 100}}, 200, True)
    assert weights("no_role") == ({}, 200, False)


@pytest.mark.django_db
def test_the_unions_behind_on_recruitment_by_hand(client, world, migrants):
    # T1 = 20 shared by the system's 200 migrant workers; 61 of the plan's 121 days gone.
    # A: share 20 × 60/200 = 6, owes 3.02 → 3, has 2 (one recruited in its group): behind.
    # C: share 4, owes 2.02 → 2, has 2: on track. B: share 10, owes 5.04 → 5, has 0: behind.
    t1_plan(20)
    today = timezone.localdate()
    enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=3))
    enrol(world.deepest["A"], joined_on=today - datetime.timedelta(days=4))
    enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=90))  # before the plan
    enrol(world.unions["A"], joined_on=today, born=datetime.date(1975, 1, 1))  # not new-generation
    for days_ago in (5, 6):
        enrol(world.unions["C"], joined_on=today - datetime.timedelta(days=days_ago))

    standings = recruitment_standings(today, user=world.users["superuser"])
    a, b, c = (standings[world.unions[label].pk] for label in "ABC")
    assert (a.share, a.done, a.behind, a.gap) == (6, 2, True, 1)
    assert round(a.owed, 4) == round(6 * 61 / 121, 4)
    assert (c.share, c.done, c.behind) == (4, 2, False)
    assert (b.share, b.done, b.behind, b.gap) == (10, 0, True, 5)

    client.force_login(world.users["staff_lt"])
    dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    count, url = next(
        (n, u)
        for item, n, u in dashboard.attention
        if item.key == "standards.behind_on_recruitment"
    )
    assert count == 1  # A (B is not staff_lt's)
    table = client.get(url).context["table"]
    assert [row.record for row in table.page.object_list] == [world.unions["A"]]
    everyone = client.get(reverse("standards:recruitment")).context["table"]
    assert {row.record for row in everyone.page.object_list} == {
        world.unions["A"],
        world.unions["C"],
    }


@pytest.mark.django_db
def test_an_officer_sees_their_figures_against_their_share_of_each_target(client, world, migrants):
    plan = t1_plan(20)
    plan.targets.create(
        code="T2",
        title="集体合同覆盖率",
        metric="contracts.coverage",
        value=93,
        deadline=plan.ends_on,
        order=2,
    )
    today = timezone.localdate()
    # The contract's enterprise adds 30 migrant workers to A: 90 of the system's 230.
    # A's share of T1: 20 × 90/230 = 7.83; by now it owes 7.83 × 61/121 = 3.95 → 3.
    contract_of(world.unions["A"])  # A: 3 unionized enterprises (two above), 1 covered
    for days_ago in (3, 4, 5):  # 3 recruited: on track
        enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=days_ago))
    enrol(world.unions["C"], joined_on=today - datetime.timedelta(days=3))  # not theirs

    client.force_login(world.users["officer_a"])
    response = client.get(reverse("home"))
    own = {row.state.target.code: row for row in response.context["own_targets"]}
    t1, t2 = own["T1"], own["T2"]
    share = 20 * 90 / 230
    assert (t1.state.current, t1.state.goal, t1.state.status) == (3, share, Status.ON_TRACK)
    assert round(t1.owed, 4) == round(share * 61 / 121, 4)
    assert t1.state.share == round(100 * 3 / share, 2)  # kept with two decimals
    assert t2.state.current == round(100 * 1 / 3, 2) and t2.state.goal == 93
    assert t2.state.status == Status.BEHIND  # 33% with no rise: projected 33% < 90% of 93%
    card = response.content.decode().split('id="own-T1"')[1].split('id="own-T2"')[0]
    assert "3 人" in card and "7.8" in card and "3.9" in card and "text-bg-success" in card


@pytest.mark.django_db
def test_an_enterprise_joining_today_adds_to_the_share_but_not_to_what_is_due(world):
    # T1 = 10; the plan began 60 days ago and runs 121 days. C's enterprise (40 migrant
    # workers) joined long ago; A's (60) joins today. A's share is 10 × 60/100 = 6, but what is
    # due of it accrues from today: 6 × 1/61 = 0.1, no whole person: not behind. (Due from the
    # plan's start, A would owe 6 × 61/121 = 3.02 → 3 on the day it joined.)
    plan = t1_plan(10)
    today = timezone.localdate()
    EnterpriseFactory(union=world.unions["C"], headcount=100, migrant_headcount=40)
    EnterpriseFactory(
        union=world.unions["A"], headcount=100, migrant_headcount=60, unionized_on=today
    )
    for days_ago in (5, 6):
        enrol(world.unions["C"], joined_on=today - datetime.timedelta(days=days_ago))

    standings = recruitment_standings(today, user=world.users["superuser"])
    a, c = standings[world.unions["A"].pk], standings[world.unions["C"].pk]
    assert (a.share, round(a.owed, 4), a.behind) == (6, round(6 / 61, 4), False)
    assert (c.share, round(c.owed, 4), c.behind) == (4, round(4 * 61 / 121, 4), False)
    assert plan.starts_on < today


@pytest.mark.django_db
def test_the_dashboard_holds_an_area_to_its_share_and_only_the_whole_to_the_target(
    client, world, migrants
):
    t1_plan(10)
    # The system's 200 migrant workers: light-textile 100 (A 60, C 40), agri-water 100.
    expected = {"staff_lt": 5.0, "officer_a": 3.0, "cadre_a": 3.0, "superuser": 10.0}
    for persona, goal in expected.items():
        client.force_login(world.users[persona])
        [t1] = client.get(reverse("reports:dashboard")).context["dashboard"].targets
        assert t1.goal == goal, persona
        assert t1.is_area_share == (persona != "superuser"), persona
    client.force_login(world.users["officer_a"])
    [own] = client.get(reverse("home")).context["own_targets"]
    assert own.state.goal == 3.0  # the officer's workbench and dashboard agree
