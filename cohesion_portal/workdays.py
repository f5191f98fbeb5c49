"""Working days as China counts them: Monday to Friday, less the statutory holidays, plus the
make-up working days (调休) that move a weekend's rest next to a holiday. An appeal's deadline
is counted in them (12351's practice).

The days come from, in order: what staff entered (`CalendarDay`: a year the State Council
published after the `chinesecalendar` package was released, or a correction); the package's
table of published years; for a year neither knows, Monday to Friday (`is_published` tells
which, so that a deadline in such a year can be shown as one that may move).
"""

import datetime

import chinese_calendar

from .models import CalendarDay

# The years the package's table covers (it refuses any other).
_PUBLISHED = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)


def _entered(start: datetime.date, end: datetime.date) -> dict[datetime.date, bool]:
    rows = CalendarDay.objects.filter(day__range=(start, end)).values_list("day", "is_workday")
    return dict(rows)


def _is_workday(day: datetime.date, entered: dict) -> bool:
    if day in entered:
        return entered[day]
    if day.year in _PUBLISHED:
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def is_workday(day: datetime.date) -> bool:
    return _is_workday(day, _entered(day, day))


def is_published(year: int) -> bool:
    """Whether the holidays of `year` are known (the package's table, or days staff entered)."""
    return year in _PUBLISHED or CalendarDay.objects.filter(day__year=year).exists()


def add_workdays(start: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `start` (which is not counted): an appeal received on
    `start` and due in `count` working days is due at the end of that day."""
    if count < 1:
        raise ValueError("count must be at least 1")
    # The longest run of rest in China is the Spring Festival's nine days; two calendar days
    # a working day, and a month more, reach past any.
    end = start + datetime.timedelta(days=2 * count + 31)
    entered = _entered(start, end)
    day, counted = start, 0
    while counted < count:
        day += datetime.timedelta(days=1)
        counted += _is_workday(day, entered)
    return day


def workdays_between(start: datetime.date, end: datetime.date) -> int:
    """The working days after `start` up to and including `end` (0 when `end` is not later)."""
    if end <= start:
        return 0
    entered = _entered(start, end)
    days = (start + datetime.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(_is_workday(day, entered) for day in days)


def workday_counter(start: datetime.date, end: datetime.date):
    """A function (a, b) -> workdays_between(a, b) for days from `start` to `end`, the
    calendar read once: for many appeals at a time."""
    entered = _entered(start, end)
    running, total = {}, 0
    day = start
    while day <= end:
        total += _is_workday(day, entered)
        running[day] = total  # working days from `start` to `day`, both counted
        day += datetime.timedelta(days=1)

    def between(a: datetime.date, b: datetime.date) -> int:
        return running[b] - running[a] if b > a else 0

    return between
