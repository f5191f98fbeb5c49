"""Where a plan's target stands: the current value of its figure in the user's scope, the share
of the target achieved, the value projected at the deadline from the trend so far, and a status.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics

from .models import Target

TREND_WINDOW = datetime.timedelta(days=180)  # the trend is read over the last half year
AT_RISK_SHARE = 0.9  # projected at 90% of the target or more: at risk rather than behind


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("achieved")
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    BEHIND = "behind", _("behind")
    MISSED = "missed", _("missed")
    RISING = "rising", _("rising")
    STEADY = "steady", _("steady")
    FALLING = "falling", _("falling")
    NO_DATA = "no_data", _("no data yet")
    NOT_STARTED = "not_started", _("not started")


STATUS_COLOURS = {
    Status.ACHIEVED: "success",
    Status.ON_TRACK: "success",
    Status.RISING: "success",
    Status.AT_RISK: "warning",
    Status.STEADY: "warning",
    Status.BEHIND: "danger",
    Status.MISSED: "danger",
    Status.FALLING: "danger",
    Status.NO_DATA: "secondary",
    Status.NOT_STARTED: "secondary",
}


@dataclass(frozen=True)
class TargetState:
    target: Target
    metric: metrics.Metric | None
    current: float | None = None
    projected: float | None = None
    status: str = Status.NO_DATA
    # What to reach, where it is not the target's value: a union's share of a count target.
    own_goal: float | None = None

    @property
    def goal(self) -> float | None:
        if self.own_goal is not None:
            return self.own_goal
        return float(self.target.value) if self.target.value is not None else None

    @property
    def is_area_share(self) -> bool:
        """The goal is an area's share of the target, not the target itself."""
        return self.own_goal is not None and (
            self.target.value is None or self.own_goal != float(self.target.value)
        )

    @property
    def share(self) -> float | None:
        """Of the goal, achieved so far (%)."""
        if self.current is None or not self.goal:
            return None
        return metrics.percent(self.current, self.goal)

    @property
    def unit(self) -> str:
        return self.metric.unit if self.metric else ""

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[Status(self.status)]

    @property
    def status_label(self) -> str:
        return Status(self.status).label


def total_reader(metric: metrics.Metric, *, since: datetime.date, as_of: datetime.date, user):
    """A function day -> the figure on that day (from `since`). A count with a `daily` series
    is read once and summed (one query for the value and its trend); others ask `total`."""
    if metric.daily is None:
        return lambda day: metric.total(day, since=since, user=user)
    days = metric.daily(since, as_of, user=user)
    return lambda day: sum(n for when, n in days.items() if when <= day)


def evaluate(
    target: Target, *, today: datetime.date, user, goal: float | None = None
) -> TargetState:
    """Where `target` stands in the user's scope on `today`. `goal`: the value to reach where
    it is not the target's own (a union's share of a count target, standards.shares)."""
    metric = target.figure
    if metric is None or metric.total is None:
        return TargetState(target, metric, own_goal=goal)
    since = target.plan.starts_on
    if today < since:
        return TargetState(target, metric, status=Status.NOT_STARTED, own_goal=goal)
    as_of = min(today, target.deadline)
    total = total_reader(metric, since=since, as_of=as_of, user=user)
    current = total(as_of)
    if current is None:
        return TargetState(target, metric, own_goal=goal)
    own_goal = goal
    if goal is None:
        goal = float(target.value) if target.value is not None else None
    start = max(since, as_of - TREND_WINDOW)
    earlier = total(start) if start < as_of else None
    slope = (current - earlier) / (as_of - start).days if earlier is not None else 0.0
    projected = round(current + slope * (target.deadline - as_of).days, 2)
    if metric.unit == metrics.PERCENT:
        projected = max(0.0, min(100.0, projected))
    if goal is None:  # the plan asks for a rise: the trend is the status
        status = Status.RISING if slope > 0 else Status.FALLING if slope < 0 else Status.STEADY
    elif current >= goal:
        status = Status.ACHIEVED
    elif today > target.deadline:  # (the deadline day itself still counts)
        status = Status.MISSED
    elif projected >= goal:
        status = Status.ON_TRACK
    elif projected >= AT_RISK_SHARE * goal:
        status = Status.AT_RISK
    else:
        status = Status.BEHIND
    return TargetState(target, metric, current, projected, status, own_goal=own_goal)
