"""T1: new-generation migrant workers recruited, counted by hand from records built here."""

import datetime

import pytest

from cohesion_portal.access import EVERYTHING, Reader
from unions.metrics import new_generation_recruits, recruits_by_grassroots_union, recruits_by_month
from unions.services import member_leave, member_rejoin, transfer_decide, transfer_request

from ..factories import enrol

ALL = Reader(EVERYTHING)  # (read by no person: every union)

PLAN = datetime.date(2026, 1, 1)
YEAR_END = datetime.date(2026, 12, 31)
D = datetime.date


@pytest.fixture
def recruits(world):
    """A's tree recruits five people in 2026, C one; B one; plus people who must not count."""
    a, a_group, b, c = world.unions["A"], world.deepest["A"], world.unions["B"], world.unions["C"]
    enrol(a, born=D(1980, 1, 1), joined_on=D(2026, 2, 10))  # born on the first day: counts
    enrol(a_group, born=D(1995, 7, 7), joined_on=D(2026, 2, 20))  # in a group of A: counts for A
    enrol(a, born=D(1979, 12, 31), joined_on=D(2026, 3, 1))  # a day too old: no
    enrol(a, born=D(1990, 1, 1), joined_on=D(2026, 3, 5), migrant=False)  # not a migrant: no
    enrol(a, born=D(1990, 1, 1), joined_on=D(2025, 12, 31))  # joined before the plan: no
    leaver = enrol(a, born=D(1992, 2, 2), joined_on=D(2026, 4, 1))  # counts once, in April
    member_leave(actor=None, member=leaver, on=D(2026, 5, 1), reason="离职")
    member_rejoin(actor=None, member=leaver, union=c, on=D(2026, 6, 1))
    mover = enrol(a, born=D(1993, 3, 3), joined_on=D(2026, 6, 15))  # counts for A, not B
    transfer = transfer_request(actor=world.users["staff_aw"], member=mover, to_union=b)
    transfer_decide(actor=world.users["officer_a"], transfer=transfer, accept=True)
    enrol(a, born=D(2000, 1, 1), joined_on=D(2026, 9, 9))
    enrol(c, born=D(1988, 8, 8), joined_on=D(2026, 7, 1))
    enrol(b, born=D(1985, 5, 5), joined_on=D(2026, 8, 1))
    return world


@pytest.mark.django_db
def test_the_year_total_counts_each_person_once(recruits):
    # A: 1980-01-01, 1995 (group), leaver, mover, 2000 -> 5; C: 1988 -> 1; B: 1985 -> 1
    assert new_generation_recruits(start=PLAN, end=YEAR_END, user=ALL).count() == 7


@pytest.mark.django_db
def test_recruits_belong_to_the_union_that_recruited_them(recruits):
    by_union = recruits_by_grassroots_union(
        new_generation_recruits(start=PLAN, end=YEAR_END, user=ALL)
    )
    w = recruits
    assert by_union == {w.unions["A"].pk: 5, w.unions["C"].pk: 1, w.unions["B"].pk: 1}


@pytest.mark.django_db
def test_the_monthly_series(recruits):
    series = recruits_by_month(new_generation_recruits(start=PLAN, end=YEAR_END, user=ALL))
    assert series == {
        D(2026, 2, 1): 2,
        D(2026, 4, 1): 1,
        D(2026, 6, 1): 1,
        D(2026, 7, 1): 1,
        D(2026, 8, 1): 1,
        D(2026, 9, 1): 1,
    }


@pytest.mark.django_db
def test_a_rejoining_inside_the_plan_is_not_a_second_recruit_in_a_later_window(recruits):
    # From June on: the leaver's rejoining on 1 June is not their first joining since the plan.
    june_on = new_generation_recruits(
        start=D(2026, 6, 1), end=YEAR_END, counted_from=PLAN, user=ALL
    )
    assert june_on.count() == 4  # mover, 2000, C's 1988, B's 1985


@pytest.mark.django_db
def test_without_a_plan_start_a_window_counts_its_own_first_joinings(recruits):
    # Counted only from June, the leaver's rejoining is the first in that window, for C.
    june_only = new_generation_recruits(start=D(2026, 6, 1), end=YEAR_END, user=ALL)
    assert june_only.count() == 5


@pytest.mark.django_db
def test_each_role_counts_only_its_own_scope(recruits):
    w = recruits
    officer = new_generation_recruits(start=PLAN, end=YEAR_END, user=w.users["officer_a"])
    staff_aw = new_generation_recruits(start=PLAN, end=YEAR_END, user=w.users["staff_aw"])
    assert officer.count() == 5
    assert staff_aw.count() == 1
