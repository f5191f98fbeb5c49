"""Writes to worker book rooms (职工书屋)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import BookRoom, Recognition


def book_room_errors(*, room: BookRoom) -> dict:
    """What is wrong with `room`, field by field (the form shows the same)."""
    errors = {}
    today = timezone.localdate()
    for field in ("opened_on", "closed_on"):
        day = getattr(room, field)
        if day and day > today:
            errors[field] = _("The date cannot be in the future.")
    closed, opened = room.closed_on, room.opened_on
    if "closed_on" not in errors and closed and opened and closed < opened:
        errors["closed_on"] = _("It cannot close before it opened.")
    if room.enterprise_id and room.union_id and not room.enterprise.is_organised_by(room.union):
        errors["enterprise"] = _("%(names)s do not belong to this union.") % {
            "names": room.enterprise
        }
    if room.recognition and not room.recognised_in:
        errors["recognised_in"] = _("Enter the year of the recognition.")
    elif room.recognised_in and not room.recognition:
        errors["recognition"] = _("Choose the recognition won that year.")
    elif (
        room.recognised_in
        and room.opened_on
        and not (room.opened_on.year <= room.recognised_in <= today.year)
    ):
        errors["recognised_in"] = _("The year must be between %(first)s and %(last)s.") % {
            "first": room.opened_on.year,
            "last": today.year,
        }
    if room.recognition not in Recognition.values:
        errors["recognition"] = _("Choose the recognition won that year.")
    return errors


@transaction.atomic
def book_room_save(*, actor, room: BookRoom) -> BookRoom:
    errors = book_room_errors(room=room)
    if errors:
        raise ValidationError(errors)
    room._history_user = actor
    room.save()
    return room
