"""The plan period of a day (cohesion_portal.plan_periods asks this module, by name)."""

import datetime

from .models import Plan


def period_start(day: datetime.date) -> datetime.date:
    """The start of the plan in force on `day` (the latest to start, where two overlap); the
    first of January of its year when no plan covers it."""
    starts_on = (
        Plan.objects.filter(starts_on__lte=day, ends_on__gte=day)
        .order_by("-starts_on")
        .values_list("starts_on", flat=True)
        .first()
    )
    return starts_on or day.replace(month=1, day=1)
