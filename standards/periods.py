"""Which assessment period a day belongs to."""

import datetime

from .models import Period, Scheme


def period_on(day: datetime.date) -> Period | None:
    return (
        Period.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by("-starts_on").first()
    )


def latest_period(day: datetime.date) -> Period | None:
    """The period `day` falls in, or else the last one that ended before it."""
    return Period.objects.filter(starts_on__lte=day).order_by("-starts_on").first()


def ensure_period_on(day: datetime.date) -> Period | None:
    """The period of `day`; a calendar year under the newest scheme when there is none yet
    (the nightly job needs one to score). None when no scheme exists."""
    period = period_on(day)
    if period is not None:
        return period
    scheme = Scheme.objects.order_by("-pk").first()
    if scheme is None:
        return None
    period, _created = Period.objects.get_or_create(
        name=f"{day.year}年度",
        defaults={
            "scheme": scheme,
            "starts_on": datetime.date(day.year, 1, 1),
            "ends_on": datetime.date(day.year, 12, 31),
        },
    )
    return period
