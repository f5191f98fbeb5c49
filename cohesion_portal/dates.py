import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier, for a negative number); a day the month does
    not have becomes its last (31 August - 6 months = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    first = datetime.date(index // 12, index % 12 + 1, 1)
    return first.replace(day=min(day.day, last_day_of_month(first).day))


def last_day_of_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(
        days=1
    )


def previous_month(day: datetime.date) -> datetime.date:
    """The first day of the month before `day`'s."""
    return (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def month_label(month: datetime.date) -> str:
    """A month as people write it: 2026年10月 (October 2026 in English)."""
    from django.utils.formats import date_format

    return date_format(month, "YEAR_MONTH_FORMAT")
