"""Writes to assistance stations and love supermarkets, and to their day records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Station, StationActivity


def station_errors(*, station: Station, enterprises) -> dict:
    """What is wrong with `station` and the units it covers, field by field."""
    errors = {}
    today = timezone.localdate()
    if station.opened_on and station.opened_on > today:
        errors["opened_on"] = _("The date cannot be in the future.")
    if station.closed_on and station.closed_on > today:
        errors["closed_on"] = _("The date cannot be in the future.")
    elif station.closed_on and station.opened_on and station.closed_on < station.opened_on:
        errors["closed_on"] = _("It cannot close before it opened.")
    union = station.union if station.union_id else None
    if union and station.industry_union_id and union.industry_union_id != station.industry_union_id:
        errors["union"] = _("The union is not under this industry union.")
    # A union's station serves its own enterprises; the industry union's, any of its industry.
    outside = [
        enterprise
        for enterprise in enterprises
        if (union and not enterprise.is_organised_by(union))
        or enterprise.industry_union_id != station.industry_union_id
    ]
    if outside:
        errors["enterprises"] = _("%(names)s do not belong to this union.") % {
            "names": "、".join(enterprise.name for enterprise in outside)
        }
    return errors


@transaction.atomic
def station_save(*, actor, station: Station, enterprises) -> Station:
    """Create or update a station with the units it covers."""
    enterprises = list(enterprises)
    errors = station_errors(station=station, enterprises=enterprises)
    if errors:
        raise ValidationError(errors)
    station._history_user = actor
    station.save()
    station.enterprises.set(enterprises)
    return station


def activity_errors(*, activity: StationActivity) -> dict:
    errors = {}
    station, day = activity.station, activity.day
    if day and day > timezone.localdate():
        errors["day"] = _("The date cannot be in the future.")
    elif day and not station.is_open_on(day):
        errors["day"] = _("%(name)s was not open on that day (open %(open)s).") % {
            "name": station.name,
            "open": f"{station.opened_on:%Y-%m-%d} – "
            + (f"{station.closed_on:%Y-%m-%d}" if station.closed_on else ""),
        }
    return errors


@transaction.atomic
def activity_add(*, actor, activity: StationActivity) -> StationActivity:
    errors = activity_errors(activity=activity)
    if errors:
        raise ValidationError(errors)
    activity._history_user = actor
    activity.save()
    return activity
