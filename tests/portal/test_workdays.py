"""Working days as China counts them, worked out by hand from the State Council's notices:
2026's Spring Festival rest is 15-23 February with Saturdays 14 and 28 February worked; its
National Day rest is 1-7 October with Sunday 20 September and Saturday 10 October worked."""

import datetime

import pytest

from cohesion_portal.models import CalendarDay
from cohesion_portal.workdays import (
    add_workdays,
    is_published,
    is_workday,
    workday_counter,
    workdays_between,
)

D = datetime.date
pytestmark = pytest.mark.django_db


def test_an_ordinary_week_skips_its_weekend():
    assert add_workdays(D(2026, 11, 27), 1) == D(2026, 11, 30)  # Friday -> Monday
    assert add_workdays(D(2026, 11, 28), 1) == D(2026, 11, 30)  # received on a Saturday
    assert add_workdays(D(2026, 11, 23), 5) == D(2026, 11, 30)  # Monday + 5 -> next Monday


def test_the_national_day_holiday_and_its_make_up_days():
    assert add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)  # the seven days of rest
    assert add_workdays(D(2026, 10, 9), 1) == D(2026, 10, 10)  # a Saturday worked
    assert add_workdays(D(2026, 9, 19), 1) == D(2026, 9, 20)  # a Sunday worked
    assert not is_workday(D(2026, 10, 5)) and is_workday(D(2026, 10, 10))


def test_a_deadline_across_the_spring_festival():
    """15 working days from Tuesday 10 February 2026: 11, 12, 13, Sat 14 (worked), then the rest
    to the 23rd, 24, 25, 26, 27, Sat 28 (worked), 2, 3, 4, 5, 6 and 9 March: the 15th."""
    assert add_workdays(D(2026, 2, 10), 15) == D(2026, 3, 9)
    assert workdays_between(D(2026, 2, 10), D(2026, 3, 9)) == 15
    assert workdays_between(D(2026, 2, 14), D(2026, 2, 23)) == 0  # all rest
    assert workdays_between(D(2026, 3, 9), D(2026, 3, 9)) == 0
    assert workdays_between(D(2026, 3, 9), D(2026, 3, 2)) == 0  # an end before the start


def test_a_year_not_yet_published_counts_weekdays_until_staff_enter_it():
    assert not is_published(2031)
    # Friday 31 January 2031 + 1: Monday, by the weekday rule.
    assert add_workdays(D(2031, 1, 31), 1) == D(2031, 2, 3)
    # Staff enter the notice once published (the days here made up for the test).
    CalendarDay.objects.create(day=D(2031, 2, 3), is_workday=False, name="春节")
    CalendarDay.objects.create(day=D(2031, 2, 1), is_workday=True, name="春节调休")
    assert is_published(2031)
    assert add_workdays(D(2031, 1, 31), 1) == D(2031, 2, 1)  # the Saturday worked
    assert add_workdays(D(2031, 2, 1), 1) == D(2031, 2, 4)  # Sunday, then Monday's holiday
    assert is_published(2026)  # the package's table


def test_what_staff_enter_corrects_a_published_year():
    assert is_workday(D(2026, 12, 31))
    CalendarDay.objects.create(day=D(2026, 12, 31), is_workday=False, name="加休")
    assert not is_workday(D(2026, 12, 31))
    # Thursday 30 December + 1: not the 31st now. 2027 is not in the package's table (pinned
    # 1.11.0) and nobody entered it: New Year's Day, a Friday, counts as a working day until
    # staff enter the 2027 notice.
    assert not is_published(2027)
    assert add_workdays(D(2026, 12, 30), 1) == D(2027, 1, 1)


def test_a_count_below_one_is_refused():
    with pytest.raises(ValueError):
        add_workdays(D(2026, 11, 27), 0)


def test_many_spans_counted_with_the_calendar_read_once():
    between = workday_counter(D(2026, 9, 1), D(2026, 10, 31))
    # 30 Sep → 8 Oct: only the 8th (1-7 rest); 9 Oct → 12 Oct: Saturday 10th and Monday 12th.
    assert between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert between(D(2026, 10, 9), D(2026, 10, 12)) == 2
    assert between(D(2026, 9, 19), D(2026, 9, 21)) == 2  # Sunday 20th worked, Monday 21st
    assert between(D(2026, 10, 12), D(2026, 10, 12)) == 0
    spans = [(D(2026, 9, 1), D(2026, 10, 31)), (D(2026, 9, 18), D(2026, 10, 16))]
    assert [between(a, b) for a, b in spans] == [workdays_between(a, b) for a, b in spans]
