"""Writes to collective contracts and negotiation offers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import MULTI_ENTERPRISE_KINDS, CollectiveContract, NegotiationOffer, NegotiationRound
from ..scans import validate_scan


def contract_errors(*, contract: CollectiveContract, enterprises) -> dict:
    """What is wrong with this contract and its enterprises, field by field."""
    errors = {}
    enterprises = list(enterprises)
    if not enterprises:
        errors["enterprises"] = _("Choose the enterprises the contract covers.")
    elif contract.kind not in MULTI_ENTERPRISE_KINDS and len(enterprises) > 1:
        errors["enterprises"] = _(
            "An enterprise's own contract covers one enterprise; an industry or regional "
            "contract covers several."
        )
    # An enterprise's own contract: the enterprise belongs to the contract's grassroots union.
    outside = [e for e in enterprises if not e.is_organised_by(contract.union)]
    if outside and contract.kind not in MULTI_ENTERPRISE_KINDS:
        errors["enterprises"] = _("%(names)s do not belong to this union.") % {
            "names": "、".join(e.name for e in outside)
        }
    if (
        contract.effective_from
        and contract.effective_to
        and contract.effective_to < contract.effective_from
    ):
        errors["effective_to"] = _("The contract cannot end before it starts.")
    if (
        contract.signed_on
        and contract.effective_from
        and contract.effective_from < contract.signed_on
    ):
        errors["effective_from"] = _("A contract cannot take effect before it is signed.")
    if contract.signed_scan:
        try:
            validate_scan(contract.signed_scan)
        except ValidationError as error:
            errors["signed_scan"] = error.messages[0]
    if (contract.effective_from or contract.effective_to) and not contract.signed_on:
        errors["signed_on"] = _("Enter the signing date: only a signed contract takes effect.")
    return errors


@transaction.atomic
def contract_save(*, actor, contract: CollectiveContract, enterprises) -> CollectiveContract:
    """Create or update a contract with the enterprises it covers."""
    enterprises = list(enterprises)
    errors = contract_errors(contract=contract, enterprises=enterprises)
    if errors:
        raise ValidationError(errors)
    contract._history_user = actor
    new_scan = (
        contract.signed_scan
        if contract.signed_scan and not contract.signed_scan._committed
        else None
    )
    try:
        contract.save()  # (stores a new scan first)
        contract.enterprises.set(enterprises)
    except Exception:
        if new_scan is not None and new_scan._committed:  # nothing saved: no file left behind
            new_scan.storage.delete(new_scan.name)
        raise
    return contract


def offer_errors(*, offer: NegotiationOffer) -> dict:
    errors = {}
    enterprise = offer.enterprise if offer.enterprise_id else None
    union = offer.union if offer.union_id else None
    if enterprise and union and not enterprise.is_organised_by(union):
        errors["enterprise"] = _("%(names)s do not belong to this union.") % {"names": enterprise}
    if offer.replied_on and offer.sent_on and offer.replied_on < offer.sent_on:
        errors["replied_on"] = _("The reply cannot come before the offer was sent.")
    if offer.reply and not offer.replied_on:
        errors["replied_on"] = _("Enter the date of the reply.")
    if offer.replied_on and not offer.reply:
        errors["reply"] = _("Say what the employer replied.")
    return errors


@transaction.atomic
def offer_save(*, actor, offer: NegotiationOffer) -> NegotiationOffer:
    """Create or update a negotiation offer (要约) and the employer's reply."""
    errors = offer_errors(offer=offer)
    if errors:
        raise ValidationError(errors)
    offer._history_user = actor
    offer.save()
    return offer


@transaction.atomic
def round_add(*, actor, offer: NegotiationOffer, held_on, minutes) -> NegotiationRound:
    """Record a round of negotiation under an offer."""
    if held_on < offer.sent_on:
        raise ValidationError({"held_on": _("A round cannot come before the offer was sent.")})
    negotiation_round = NegotiationRound(offer=offer, held_on=held_on, minutes=minutes)
    negotiation_round._history_user = actor
    negotiation_round.save()
    return negotiation_round
