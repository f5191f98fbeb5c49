"""The workbench (home page): the area's headline counts, this year's recruits, what is due,
and, for a grassroots union's officer, its latest scorecard and where its self-inspection is."""

import datetime

from cohesion_portal import attention
from cohesion_portal.access import role_of, scope_for
from reminders.models import Reminder
from standards.models import Assessment, Scorecard
from unions.metrics import new_generation_recruits, scope_overview


def workbench(user, today: datetime.date) -> dict:
    year_start = today.replace(month=1, day=1)
    context = {
        "overview": scope_overview(user),
        "recruits_since": year_start,
        "recruits": new_generation_recruits(start=year_start, end=today, user=user).count(),
        "scope_is_empty": scope_for(user).is_empty,
        # The total is the bell's count (reminders.context_processors).
        "reminders": Reminder.objects.for_user(user).open().select_related("union")[:8],
        # What is waiting in the area now (the dashboard's attention list, where it is not 0).
        "to_do": [(item, n) for item, n in attention.counted(user, today) if n],
    }
    role = role_of(user)
    union = role.union if role and role.union_id and role.union.parent_id is None else None
    if union is not None:
        context["own_union"] = union
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
