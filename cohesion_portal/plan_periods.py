"""Which plan period a day falls in. T1 counts as a recruit only someone who was not a member
on the first day of the plan period (unions.metrics.new_generation_recruits), whichever page,
sheet or job reads it. The plans are the standards app's data; they are asked by name
(settings.PORTAL_PLAN_PERIODS) so that this ground imports no app."""

import datetime
from importlib import import_module

from django.conf import settings


def start_on(day: datetime.date) -> datetime.date:
    """The first day of the plan period `day` falls in (the calendar year without a plan)."""
    return import_module(settings.PORTAL_PLAN_PERIODS).period_start(day)
