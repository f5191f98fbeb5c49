"""Writes to legal aid workstations and their cases."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from unions.models.tree import phone_validator

from ..models import LegalCase, LegalWorkstation, Outcome


def workstation_errors(*, workstation: LegalWorkstation) -> dict:
    errors = {}
    if workstation.opened_on and workstation.opened_on > timezone.localdate():
        errors["opened_on"] = _("The date cannot be in the future.")
    union = workstation.union if workstation.union_id else None
    if union and union.industry_union_id != workstation.industry_union_id:
        errors["union"] = _("The union is not under this industry union.")
    return errors


@transaction.atomic
def workstation_save(*, actor, workstation: LegalWorkstation) -> LegalWorkstation:
    errors = workstation_errors(workstation=workstation)
    if errors:
        raise ValidationError(errors)
    workstation._history_user = actor
    workstation.save()
    return workstation


def legal_case_errors(*, case: LegalCase) -> dict:
    errors = {}
    today = timezone.localdate()
    for field in ("opened_on", "closed_on"):
        day = getattr(case, field)
        if day and day > today:
            errors[field] = _("The date cannot be in the future.")
    if case.opened_on and case.closed_on and case.closed_on < case.opened_on and not errors:
        errors["closed_on"] = _("A case cannot conclude before it was taken.")
    if case.closed_on and case.outcome == Outcome.PENDING:
        errors["outcome"] = _("Say how the case ended.")
    if case.outcome and case.outcome != Outcome.PENDING and not case.closed_on:
        errors["closed_on"] = _("Enter the day the case concluded.")
    if case.claimed and case.recovered and case.recovered > case.claimed:
        errors["recovered"] = _("More was recovered than claimed: check both amounts.")
    if case.phone:
        try:
            phone_validator(case.phone)
        except ValidationError as error:
            errors["phone"] = error.messages[0]
    return errors


@transaction.atomic
def legal_case_save(*, actor, case: LegalCase) -> LegalCase:
    errors = legal_case_errors(case=case)
    if errors:
        raise ValidationError(errors)
    case._history_user = actor
    case.save()
    return case
