"""T1: new-generation migrant workers recruited, counted by hand from records built here."""

import datetime

import pytest

from cohesion_portal import plan_periods
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
        start=D(2026, 6, 1), end=YEAR_END, period_start=PLAN, user=ALL
    )
    assert june_on.count() == 4  # mover, 2000, C's 1988, B's 1985


@pytest.mark.django_db
def test_a_window_without_its_period_named_counts_from_the_plan_period_it_falls_in(recruits):
    # No plan covers 2026 here: its period is the calendar year, as named above.
    june_on = new_generation_recruits(start=D(2026, 6, 1), end=YEAR_END, user=ALL)
    assert june_on.count() == 4


@pytest.mark.django_db
def test_members_when_the_period_began_are_no_recruits_whatever_they_do_in_it(world):
    """The plan's words: 发展 new members. Counted by hand: three people are recruits here."""
    a, b, c = world.unions["A"], world.unions["B"], world.unions["C"]
    # A member since 2024 changes job: left A, enrolled at B. Not a recruit.
    changer = enrol(a, born=D(1991, 1, 1), joined_on=D(2024, 4, 1))
    member_leave(actor=None, member=changer, on=D(2026, 3, 1), reason="离职")
    member_rejoin(actor=None, member=changer, union=b, on=D(2026, 3, 10))
    # A member since 2025 leaves and rejoins the same union. Not a recruit.
    back = enrol(c, born=D(1992, 1, 1), joined_on=D(2025, 5, 1))
    member_leave(actor=None, member=back, on=D(2026, 5, 1), reason="离职")
    member_rejoin(actor=None, member=back, union=c, on=D(2026, 6, 1))
    # Left on the period's first day, joined again elsewhere: held it when the period began.
    on_the_day = enrol(a, born=D(1993, 1, 1), joined_on=D(2023, 1, 1))
    member_leave(actor=None, member=on_the_day, on=PLAN, reason="离职")
    member_rejoin(actor=None, member=on_the_day, union=c, on=D(2026, 1, 20))
    # Membership ended before the period: joining again in it is a recruit, for B.
    lapsed = enrol(a, born=D(1994, 1, 1), joined_on=D(2022, 1, 1))
    member_leave(actor=None, member=lapsed, on=D(2025, 6, 30), reason="离职")
    member_rejoin(actor=None, member=lapsed, union=b, on=D(2026, 4, 1))
    # New in the period: a recruit for A, and a recruit for A on the period's first day.
    enrol(a, born=D(1995, 1, 1), joined_on=D(2026, 2, 2))
    enrol(a, born=D(1996, 1, 1), joined_on=PLAN)

    recruits = new_generation_recruits(start=PLAN, end=YEAR_END, period_start=PLAN, user=ALL)
    assert sorted(r.member.birth_date.year for r in recruits) == [1994, 1995, 1996]
    assert recruits_by_grassroots_union(recruits) == {a.pk: 2, b.pk: 1}


@pytest.mark.django_db
def test_a_recruit_joining_the_day_after_the_window_is_not_in_it(world):
    enrol(world.unions["A"], born=D(1990, 1, 1), joined_on=D(2026, 7, 1))
    window = {"start": PLAN, "period_start": PLAN, "user": ALL}
    assert new_generation_recruits(end=D(2026, 6, 30), **window).count() == 0
    assert new_generation_recruits(end=D(2026, 7, 1), **window).count() == 1


@pytest.mark.django_db
def test_the_plan_period_a_day_falls_in_is_the_plans(world):
    from standards.models import Plan

    Plan.objects.create(
        name="凝聚力工程", issued_by="轻纺", starts_on=D(2026, 5, 1), ends_on=D(2029, 4, 30)
    )
    member = enrol(world.unions["A"], born=D(1990, 1, 1), joined_on=D(2026, 3, 1))
    member_leave(actor=None, member=member, on=D(2026, 4, 1), reason="离职")
    member_rejoin(actor=None, member=member, union=world.unions["A"], on=D(2026, 6, 1))
    # The plan began on 1 May: the March member had left by then, so June's joining counts.
    assert plan_periods.start_on(D(2026, 6, 1)) == D(2026, 5, 1)
    assert plan_periods.start_on(D(2026, 4, 30)) == D(2026, 1, 1)  # no plan yet: the year
    june = new_generation_recruits(start=D(2026, 6, 1), end=D(2026, 6, 30), user=ALL)
    assert june.count() == 1


@pytest.mark.django_db
def test_each_role_counts_only_its_own_scope(recruits):
    w = recruits
    officer = new_generation_recruits(start=PLAN, end=YEAR_END, user=w.users["officer_a"])
    staff_aw = new_generation_recruits(start=PLAN, end=YEAR_END, user=w.users["staff_aw"])
    assert officer.count() == 5
    assert staff_aw.count() == 1


@pytest.mark.django_db
def test_the_monthly_reports_recruits_add_up_to_t1(recruits):
    """The 月报's "recruits in the month" is T1 month by month: the leaver rejoining in June
    is not counted again in June's report."""
    from unions.monthly_figures import recruits_in_month

    by_union = {}
    for month in range(1, 13):
        start = D(2026, month, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        for union_id, n in recruits_in_month(start, end).items():
            by_union[union_id] = by_union.get(union_id, 0) + n
    t1 = recruits_by_grassroots_union(new_generation_recruits(start=PLAN, end=YEAR_END, user=ALL))
    assert by_union == t1
