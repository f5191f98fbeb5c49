"""Writes to collective contracts. Pages, the admin and demo data come through here."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import MULTI_ENTERPRISE_KINDS, CollectiveContract


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
    grassroots_path = contract.union.path[: contract.union.SEGMENT]
    outside = [
        e for e in enterprises if not (e.union_id and e.union.path.startswith(grassroots_path))
    ]
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
    contract.save()
    contract.enterprises.set(enterprises)
    return contract
