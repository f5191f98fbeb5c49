"""The workbench (home page): the area's headline counts, this year's recruits, what is due,
and, for a grassroots union's officer, its latest scorecard and where its self-inspection is."""

import datetime

from cohesion_portal import attention, data_version, metrics
from cohesion_portal.access import APPROVE, CHANGE, INSPECT, Reader, scope_for
from reminders.models import Reminder
from standards.models import Assessment, Scorecard
from standards.shares import area_targets, running_plan
from unions.metrics import new_generation_recruits, scope_overview
from unions.organisation import own_grassroots_union, role_of

from .monthly import workbench_report


def workbench(user, today: datetime.date) -> dict:
    """Cached until the next write anywhere (data_version): what it shows depends on the
    user's scope, their own union and the day only."""
    union = own_grassroots_union(user)
    # The rights the user holds somewhere: the to-do list offers only what they can act on.
    rights = frozenset(
        action for action in (CHANGE, INSPECT, APPROVE) if not scope_for(user, action).is_empty
    )
    return data_version.cached(
        "workbench",
        (scope_for(user), union.pk if union else None, today, sorted(rights)),
        # A reader of the user's scope: nothing else of the user's may go into the copy.
        lambda: _computed_workbench(
            metrics.remembering(Reader(scope_for(user))), union, today, rights
        ),
    )


def _computed_workbench(reader, union, today: datetime.date, rights) -> dict:
    """(`reader` remembers: what the to-do list and the union's targets both read, T1, T2's
    coverage, the shares, is read once.)"""
    year_start = today.replace(month=1, day=1)
    context = {
        "overview": scope_overview(reader),
        "recruits_since": year_start,
        "recruits": new_generation_recruits(start=year_start, end=today, user=reader).count(),
        "scope_is_empty": scope_for(reader).is_empty,
        # The total is the bell's count (reminders.context_processors).
        "reminders": list(Reminder.objects.for_user(reader).open().select_related("union")[:8]),
        # What is waiting in the area now (the dashboard's attention list, where it is not 0).
        "to_do": [
            (item, n)
            for item, n in attention.counted(reader, today)
            if n and attention.acted_on_by(item, rights)
        ],
    }
    if union is not None:
        context["own_union"] = union
        context["monthly_report"] = workbench_report(union, today)  # 月报: this month's
        # Its own figures against its share of each target (standards.shares).
        context["own_plan"] = running_plan(today, user=reader)
        context["own_targets"] = area_targets(today, user=reader)
        context["scorecard"] = (
            Scorecard.objects.filter(union=union)
            .select_related("period")
            .order_by("-period__starts_on")
            .first()
        )
        context["assessment"] = (
            Assessment.objects.filter(union=union)
            .select_related("period")
            .order_by("-period__starts_on")
            .first()
        )
    return context


def oversees_industry(user) -> bool:
    """Industry staff, leadership and superusers: their home page is the industry dashboard."""
    from unions.models import RoleKind

    if user.is_superuser:
        return True
    role = role_of(user)
    return role is not None and role.kind in (RoleKind.INDUSTRY_STAFF, RoleKind.LEADERSHIP)
