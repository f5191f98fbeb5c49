"""Roster import: check a workbook, keep it with what was found, then import the valid rows in
one transaction, once."""

import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from cohesion_portal.imports import keep_checked

from ..models import (
    Member,
    Membership,
    MembershipStart,
    MemberStatus,
    RosterImport,
    RosterImportStatus,
)
from ..roster_check import check_roster
from .members import member_rejoin


def roster_upload(*, actor, union, uploaded) -> RosterImport:
    """Check `uploaded` for `union` and keep it. Raises RosterFileError for an unreadable file."""
    started = time.monotonic()
    check = check_roster(uploaded, union=union)
    return keep_checked(
        RosterImport,
        uploaded,
        actor=actor,
        union=union,
        check=check,
        rows_valid=len(check.members),
        started=started,
    )


def roster_import(*, actor, roster: RosterImport) -> RosterImport:
    """Import the valid rows of a checked roster, all or none. The roster is checked again
    first: if anything changed since the preview (a person enrolled meanwhile, say), nothing is
    imported and the new findings are shown instead."""
    if roster.status != RosterImportStatus.CHECKED:
        raise ValidationError(_("This roster was imported already."))
    started = time.monotonic()
    with roster.file.open("rb") as stored:
        check = check_roster(stored, union=roster.union)
    if roster.findings_changed(rows_valid=len(check.members), problems=check.problems_as_data()):
        RosterImport.objects.filter(pk=roster.pk).update(
            rows_valid=len(check.members), problems=check.problems_as_data()
        )
        raise ValidationError(
            _(
                "The roster's check changed since you saw it (was someone enrolled meanwhile?). "
                "Look at the new findings and confirm again."
            )
        )
    try:
        with transaction.atomic():
            if not roster.claim():
                raise ValidationError(_("This roster was imported already."))
            newcomers = [m for m in check.members if m.rejoins is None]
            members_bulk_enrol(actor=actor, members=newcomers)
            for member in check.members:
                if member.rejoins is not None:
                    member_rejoin(
                        actor=actor,
                        member=member.rejoins,
                        union=member.union,
                        on=member.joined_on,
                        enterprise=member.enterprise,
                    )
            RosterImport.objects.filter(pk=roster.pk).update(
                imported_count=len(check.members),
                imported_at=timezone.now(),
                seconds=time.monotonic() - started,
            )
    except IntegrityError:
        raise ValidationError(
            _(
                "A person of this roster was enrolled at the same moment; nothing was imported. "
                "Confirm again to see the new check."
            )
        ) from None
    roster.refresh_from_db()
    return roster


def members_bulk_enrol(*, actor, members: list[Member]) -> list[Member]:
    """Enrol many checked members at once (the roster's path; one by one is member_enrol)."""
    for member in members:
        member.status = MemberStatus.ACTIVE
    created = bulk_create_with_history(members, Member, batch_size=1000, default_user=actor)
    Membership.objects.bulk_create(
        [
            Membership(
                member=m, union=m.union, started_on=m.joined_on, start=MembershipStart.JOINED
            )
            for m in created
        ],
        batch_size=1000,
    )
    return created
