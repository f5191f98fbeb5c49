"""Writes to hardship files (困难职工档案)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from unions.id_numbers import parse_id_number
from unions.models import Member, Union

from ..criteria import criteria_met
from ..models import HardshipFile
from ..selectors import subsistence_line


def hardship_file_errors(*, file: HardshipFile) -> dict:
    """What is wrong with `file`, field by field (the form shows the same). On the way it puts
    the ID number in its 18-character form and notes on `file` the criteria it meets."""
    errors = {}
    today = timezone.localdate()
    try:
        file.id_number = parse_id_number(file.id_number).number
    except ValidationError as error:
        errors["id_number"] = error.messages[0]
    else:
        others = HardshipFile.objects.open().filter(id_number=file.id_number)
        if file.pk:
            others = others.exclude(pk=file.pk)
        if file.is_open and others.exists():
            # Not which union keeps it: that union may be outside the user's scope.
            errors["id_number"] = _(
                "This person already has an open hardship file (one open file a person, across "
                "all unions): update that one, or ask the industry union."
            )
    for field in ("opened_on", "last_reviewed_on", "closed_on"):
        day = getattr(file, field)
        if day and day > today:
            errors[field] = _("The date cannot be in the future.")
    if file.opened_on:
        for field in ("last_reviewed_on", "closed_on"):
            day = getattr(file, field)
            if day and day < file.opened_on and field not in errors:
                errors[field] = _(
                    "The file was opened on %(day)s: this date cannot be earlier."
                ) % {"day": f"{file.opened_on:%Y-%m-%d}"}
    if file.closed_on and not file.close_reason:
        errors["close_reason"] = _("Say why the file is closed.")
    if file.close_reason and not file.closed_on:
        errors["closed_on"] = _("Enter the day the file was closed.")
    if file.enterprise_id and file.union_id and not file.enterprise.union_id:
        errors["enterprise"] = _("The enterprise has no union.")
    elif file.enterprise_id and file.union_id and not file.enterprise.is_organised_by(file.union):
        errors["enterprise"] = _("%(names)s do not belong to this union.") % {
            "names": file.enterprise
        }
    if not file.causes:
        errors["causes"] = _("Choose at least one cause of hardship.")
    if file.is_migrant and not (_member_of(file) and file.has_year_contract):
        errors["is_migrant"] = _(
            "A migrant worker qualifies as a member of the union with a labour contract of a "
            "year or more."
        )
    if not errors and file.opened_on and file.household_size:
        line = subsistence_line(file.opened_on.year)
        file.criteria = criteria_met(file, line)
        if not file.criteria:
            errors["household_income"] = (
                _(
                    "The %(year)s allowance line is not set, and the household meets no other "
                    "criterion: ask the industry union to set the line."
                )
                % {"year": file.opened_on.year}
                if line is None
                else _(
                    "The household meets no criterion of hardship: income per head %(income)s "
                    "yuan against the %(year)s line of %(line)s yuan (150%% of it with illness, "
                    "schooling or a disaster), no 低保, no medical costs above half its income."
                )
                % {"income": file.income_per_head, "year": file.opened_on.year, "line": line}
            )
    return errors


def _member_of(file: HardshipFile) -> Member | None:
    """The member, today, of the file's grassroots union with the file's ID number, if any."""
    if not file.union_id:
        return None
    grassroots = file.union.path[: Union.SEGMENT]
    return Member.objects.filter(
        id_number=file.id_number,
        memberships__ended_on__isnull=True,
        memberships__union__path__startswith=grassroots,
    ).first()


@transaction.atomic
def hardship_file_save(*, actor, file: HardshipFile) -> HardshipFile:
    """Create or update a file: checked, its member found by ID number, its criteria noted."""
    errors = hardship_file_errors(file=file)
    if errors:
        raise ValidationError(errors)
    file.member = _member_of(file)
    if not file.closed_on:
        file.close_reason, file.close_note = "", ""
    file._history_user = actor
    file.save()
    return file
