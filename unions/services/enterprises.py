"""Writes to enterprises."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Enterprise, Union
from .tree import raise_if


def enterprise_errors(*, union: Union | None, unionized_on) -> dict:
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


@transaction.atomic
def enterprise_save(*, actor, enterprise: Enterprise) -> Enterprise:
    """Create or update an enterprise; its industry union follows its union."""
    raise_if(enterprise_errors(union=enterprise.union, unionized_on=enterprise.unionized_on))
    if enterprise.union is not None:
        enterprise.industry_union = enterprise.union.industry_union
    enterprise._history_user = actor
    enterprise.save()
    return enterprise
