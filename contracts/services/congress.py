"""Writes to workers' congresses and their sessions."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import SHARED_LEVELS, CongressSession, CongressSystem


def congress_errors(*, congress: CongressSystem, enterprises) -> dict:
    enterprises = list(enterprises)
    if not enterprises:
        return {"enterprises": _("Choose the enterprises the congress covers.")}
    if congress.level not in SHARED_LEVELS:
        if len(enterprises) > 1:
            return {
                "enterprises": _(
                    "An enterprise's or institution's own congress covers one enterprise; an "
                    "industry or regional congress covers several."
                )
            }
        if not enterprises[0].is_organised_by(congress.union):
            return {
                "enterprises": _("%(names)s do not belong to this union.")
                % {"names": enterprises[0]}
            }
    return {}


@transaction.atomic
def congress_save(*, actor, congress: CongressSystem, enterprises) -> CongressSystem:
    """Create or update a workers' congress system with the enterprises it covers."""
    enterprises = list(enterprises)
    errors = congress_errors(congress=congress, enterprises=enterprises)
    if errors:
        raise ValidationError(errors)
    congress._history_user = actor
    congress.save()
    congress.enterprises.set(enterprises)
    return congress


@transaction.atomic
def session_add(*, actor, congress: CongressSystem, **fields) -> CongressSession:
    """Record a session of a workers' congress."""
    if fields["held_on"] < congress.established_on:
        raise ValidationError(
            {
                "held_on": _(
                    "The congress was established on %(date)s; a session cannot be earlier."
                )
                % {"date": congress.established_on.isoformat()}
            }
        )
    if fields["delegates_present"] > fields["delegates_elected"]:
        raise ValidationError({"delegates_present": _("More delegates present than elected.")})
    session = CongressSession(congress=congress, **fields)
    session._history_user = actor
    session.save()
    return session
