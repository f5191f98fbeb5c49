"""Writes to a hardship file's household (家庭成员)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import HardshipFile, HouseholdMember

OLDEST_BIRTH_YEAR = 1900


def household_member_errors(*, person: HouseholdMember) -> dict:
    this_year = timezone.localdate().year
    if person.born_in is not None and not OLDEST_BIRTH_YEAR <= person.born_in <= this_year:
        return {
            "born_in": _("A year of birth from %(first)d to %(last)d.")
            % {"first": OLDEST_BIRTH_YEAR, "last": this_year}
        }
    return {}


@transaction.atomic
def household_member_add(*, actor, file: HardshipFile, person: HouseholdMember) -> HouseholdMember:
    person.file = file
    errors = household_member_errors(person=person)
    if errors:
        raise ValidationError(errors)
    person._history_user = actor
    person.save()
    return person


@transaction.atomic
def household_member_remove(*, actor, person: HouseholdMember) -> None:
    """Take a person off the household; the history keeps who was there and who removed them."""
    person._history_user = actor
    person.delete()
