"""The calendar arithmetic the figures and deadlines use, at month and year ends."""

import datetime

import pytest

from cohesion_portal.dates import add_months, add_years, last_day_of_month, previous_month

D = datetime.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 11, 30), -6, D(2026, 5, 30)),
        (D(2026, 8, 31), -6, D(2026, 2, 28)),  # no 31 February: its last day
        (D(2024, 8, 31), -6, D(2024, 2, 29)),  # a leap year
        (D(2026, 12, 31), 2, D(2027, 2, 28)),  # across a year end
        (D(2026, 1, 31), -13, D(2024, 12, 31)),
        (D(2026, 3, 15), 0, D(2026, 3, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_years_and_month_ends():
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert last_day_of_month(D(2026, 2, 3)) == D(2026, 2, 28)
    assert last_day_of_month(D(2026, 12, 31)) == D(2026, 12, 31)
    assert previous_month(D(2026, 1, 31)) == D(2025, 12, 1)
