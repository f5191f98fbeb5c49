"""The unions app's figures in the monthly progress report (cohesion_portal.monthly_figures):
new-generation recruits, members at the end of the month, new members in the month.

Each function answers for every grassroots union at once (one GROUP BY), or, given a union's
`path`, for that union's tree alone through the path index.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics, monthly_figures
from cohesion_portal.access import EVERYTHING, Reader

from .metrics import (
    JOININGS,
    count_by_grassroots,
    new_generation_recruits,
    recruits_by_grassroots_union,
)
from .models import Membership


def _within(queryset, path, field="union__path"):
    return queryset.filter(**{f"{field}__startswith": path}) if path else queryset


def recruits_in_month(start, end, *, path=None) -> dict[int, int]:
    """T1 month by month: the recruits of the month as T1 counts them (each person once in
    the plan period, never a member when it began), so a period's months add up to its T1."""
    recruits = new_generation_recruits(start=start, end=end, user=Reader(EVERYTHING))
    return recruits_by_grassroots_union(_within(recruits, path))


def members_at_end(start, end, *, path=None) -> dict[int, int]:
    """Members at the end of the month: memberships begun by then and not ended by then (a
    membership ended on the day a transfer takes effect is the receiving union's that day)."""
    held = Membership.objects.filter(started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=end)
    )
    return count_by_grassroots(_within(held, path))


def new_members_in_month(start, end, *, path=None) -> dict[int, int]:
    """People who joined (or rejoined) the union in the month; transfers in are not counted."""
    joined = Membership.objects.filter(start__in=JOININGS, started_on__range=(start, end))
    return count_by_grassroots(_within(joined, path))


MONTHLY_FIGURES = (
    monthly_figures.from_grouped(
        "unions.recruits",
        _("New-generation migrant workers recruited in the month"),
        metrics.PEOPLE,
        recruits_in_month,
        order=110,
        help_text=_(
            "T1: born 1980 or later, not a member when the plan period began, counted once"
        ),
    ),
    monthly_figures.from_grouped(
        "unions.members",
        _("Members at the end of the month"),
        metrics.PEOPLE,
        members_at_end,
        order=120,
    ),
    monthly_figures.from_grouped(
        "unions.new_members",
        _("New members in the month"),
        metrics.PEOPLE,
        new_members_in_month,
        order=130,
        help_text=_("joined or rejoined; transfers in are not counted"),
    ),
)
