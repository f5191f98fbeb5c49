"""Writes to affairs disclosures (厂务公开)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Disclosure


def disclosure_errors(*, disclosure: Disclosure) -> dict:
    if (
        disclosure.enterprise_id
        and disclosure.union_id
        and not disclosure.enterprise.is_organised_by(disclosure.union)
    ):
        return {
            "enterprise": _("%(names)s do not belong to this union.")
            % {"names": disclosure.enterprise}
        }
    return {}


@transaction.atomic
def disclosure_save(*, actor, disclosure: Disclosure) -> Disclosure:
    errors = disclosure_errors(disclosure=disclosure)
    if errors:
        raise ValidationError(errors)
    disclosure._history_user = actor
    disclosure.save()
    return disclosure
