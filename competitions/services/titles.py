"""Nominating a union's team or person for a title, and the industry union's decision."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal import versioning

from ..models import Title, TitleStatus

FIRST_YEAR = 2000


def title_errors(*, title: Title) -> dict:
    errors = {}
    this_year = timezone.localdate().year
    if title.year and not FIRST_YEAR <= title.year <= this_year + 1:
        errors["year"] = _("The year must be between %(first)s and %(last)s.") % {
            "first": FIRST_YEAR,
            "last": this_year + 1,
        }
    if title.pk and title.status != TitleStatus.NOMINATED:
        errors["__all__"] = _("A decided title is no longer changed.")
    return errors


@transaction.atomic
def title_save(*, actor, title: Title) -> Title:
    """Nominate, or change a nomination not yet decided."""
    errors = title_errors(title=title)
    if errors:
        raise ValidationError(errors)
    title._history_user = actor
    title.save()
    return title


def decision_errors(*, title: Title, on) -> dict:
    """A title counts for the period it was won in: the day of the decision, as it was made
    (staff may record a higher body's decision later)."""
    if on > timezone.localdate():
        return {"decided_on": _("The date cannot be in the future.")}
    if on.year < title.year - 1:
        return {
            "decided_on": _("The year must be between %(first)s and %(last)s.")
            % {
                "first": title.year - 1,
                "last": timezone.localdate().year,
            }
        }
    return {}


@transaction.atomic
def title_decide(*, actor, title: Title, awarded: bool, on) -> Title:
    """The industry union's decision (or what a higher body decided) of day `on`, once."""
    current = Title.objects.select_for_update().get(pk=title.pk)
    versioning.expect_version(current, title.version)
    if current.status != TitleStatus.NOMINATED:
        raise ValidationError(_("This nomination was decided already."))
    errors = decision_errors(title=current, on=on)
    if errors:
        raise ValidationError(errors)
    current.status = TitleStatus.AWARDED if awarded else TitleStatus.NOT_AWARDED
    current.decided_on = on
    current.decided_by = actor
    current._history_user = actor
    current.save()
    return current
