"""Writes to enterprises."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Enterprise, Union, UnionStatus
from .tree import raise_if


def enterprise_errors(*, union: Union | None, unionized_on, previous_union_id=None) -> dict:
    """What is wrong with an enterprise in `union` since `unionized_on`; `previous_union_id`:
    the union it is in now (an enterprise already in a union since dissolved may stay)."""
    if union is not None and union.pk != previous_union_id and _dissolved(union):
        return {
            "union": _("%(union)s is dissolved: an enterprise cannot join it.") % {"union": union}
        }
    if union is None and unionized_on:
        return {
            "unionized_on": _("Choose the union first: only a unionized enterprise has this date.")
        }
    if union is not None and not unionized_on:
        return {"unionized_on": _("Enter the date the enterprise joined the union.")}
    if union is not None and union.founded_on and unionized_on < union.founded_on:
        return {
            "unionized_on": _(
                "%(union)s was founded on %(date)s; the enterprise cannot join it earlier."
            )
            % {"union": union, "date": union.founded_on.isoformat()}
        }
    return {}


def _dissolved(union: Union) -> bool:
    """The union, or the grassroots union it belongs to, is dissolved."""
    return (
        union.status != UnionStatus.ACTIVE
        or Union.objects.filter(pk=union.grassroots_id).exclude(status=UnionStatus.ACTIVE).exists()
    )


@transaction.atomic
def enterprise_save(*, actor, enterprise: Enterprise) -> Enterprise:
    """Create or update an enterprise; its industry union follows its union."""
    previous = Enterprise.objects.filter(pk=enterprise.pk).values_list("union_id", flat=True)
    raise_if(
        enterprise_errors(
            union=enterprise.union,
            unionized_on=enterprise.unionized_on,
            previous_union_id=previous.first() if enterprise.pk else None,
        )
    )
    if enterprise.union is not None:
        enterprise.industry_union = enterprise.union.industry_union
    enterprise._history_user = actor
    enterprise.save()
    return enterprise
