"""Writes to the yearly performance checks (履行检查) of contracts."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import ClausesKept, PerformanceCheck


def performance_check_errors(*, check: PerformanceCheck) -> dict:
    errors = {}
    contract = check.contract
    start, end = contract.effective_from, contract.effective_to
    if check.year is not None and not 2000 <= check.year <= 2100:
        return {"year": _("Enter a year between 2000 and 2100.")}
    if start is None or end is None:
        errors["year"] = _("Only a contract with its effective dates entered can be checked.")
    elif check.year is not None and not start.year <= check.year <= end.year:
        errors["year"] = _("The contract was not in force in %(year)s.") % {"year": check.year}
    elif (
        check.year is not None
        and PerformanceCheck.objects.filter(contract=contract, year=check.year)
        .exclude(pk=check.pk)
        .exists()
    ):
        errors["year"] = _("This contract already has a check for %(year)s.") % {"year": check.year}
    if (
        check.year is not None
        and check.checked_on is not None
        and check.checked_on < datetime.date(check.year, 1, 1)
    ):
        errors["checked_on"] = _(
            "The check cannot be dated before the year it checks (%(year)s)."
        ) % {"year": check.year}
    if check.checked_on and start and check.checked_on < start and "checked_on" not in errors:
        errors["checked_on"] = _("The contract took effect on %(date)s; check it after that.") % {
            "date": start.isoformat()
        }
    if check.clauses_kept and check.clauses_kept != ClausesKept.ALL and not check.issues.strip():
        errors["issues"] = _("Say which clauses were not kept.")
    if check.follow_up_done_on and check.checked_on and check.follow_up_done_on < check.checked_on:
        errors["follow_up_done_on"] = _("The follow-up cannot be completed before the check.")
    return errors


@transaction.atomic
def performance_check_save(*, actor, check: PerformanceCheck) -> PerformanceCheck:
    """Record or correct the check of a contract for one year."""
    errors = performance_check_errors(check=check)
    if errors:
        raise ValidationError(errors)
    check._history_user = actor
    check.save()
    return check
