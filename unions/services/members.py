"""Members: enrol, edit, leave, rejoin, transfer (转会) and the disclosure of personal data.

One person is one member in the whole system: the ID number is unique in the database, so two
unions enrolling the same person at the same moment cannot both succeed.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.dates import add_years

from ..id_numbers import mask_id_number, parse_id_number
from ..models import (
    DisclosureReason,
    Member,
    Membership,
    MembershipEnd,
    MembershipStart,
    MemberStatus,
    PersonalDataDisclosure,
    Transfer,
    TransferStatus,
)
from .tree import raise_if

MEMBER_FIELDS = (
    "name",
    "gender",
    "id_number",
    "birth_date",
    "phone",
    "education",
    "union",
    "enterprise",
    "joined_on",
    "card_number",
    "is_migrant",
    "is_dispatched",
    "hukou",
)
MINIMUM_AGE = 16  # the legal minimum working age


class AlreadyMember(ValidationError):
    """The ID number belongs to an active member; `member` says who holds them. The message
    names their union only to someone who sees that union anyway (`actor`'s scope): anyone
    else learns who holds a number only by filing a transfer request (transfer_lookup)."""

    def __init__(self, member: Member, *, actor):
        self.member = member
        if holder_visible_to(actor, member):
            message = _(
                "This person is already a member of %(union)s (since %(date)s). "
                "Ask that union to transfer them."
            ) % {"union": member.union, "date": member.joined_on.isoformat()}
        else:
            message = _(
                "This person is already a member of another union. Ask for a transfer: the "
                "request goes to the union that holds them."
            )
        super().__init__({"id_number": message}, code="already_member")


def holder_visible_to(actor, member: Member) -> bool:
    """Whether `actor` sees the union that holds `member` (the portal itself, with no actor,
    does)."""
    return actor is None or Member.objects.for_user(actor).filter(pk=member.pk).exists()


def person_errors(*, id_number, birth_date, gender, joined_on, union, enterprise) -> dict:
    """What is wrong with these personal details, field by field."""
    errors = {}
    try:
        parsed = parse_id_number(id_number)
    except ValidationError as error:
        return {"id_number": error.messages[0]}
    if birth_date and birth_date != parsed.birth_date:
        errors["birth_date"] = _(
            "The birth date differs from the one in the ID number (%(date)s)."
        ) % {"date": parsed.birth_date.isoformat()}
    if gender and (gender == "male") != parsed.is_male:
        errors["gender"] = _(
            "The gender differs from the one the ID number gives (%(gender)s)."
        ) % {"gender": _("male") if parsed.is_male else _("female")}
    # The age counts from the ID number's birth date: a birth date typed differently is an
    # error above (and one typed as 9999-12-31 has no year 16 years on).
    if joined_on and joined_on < add_years(parsed.birth_date, MINIMUM_AGE):
        errors["joined_on"] = _("The member would have been under %(age)d when joining.") % {
            "age": MINIMUM_AGE
        }
    outside = enterprise is not None and (
        enterprise.union_id is None
        or (union is not None and enterprise.union.grassroots_id != union.grassroots_id)
    )
    if outside:
        errors["enterprise"] = _("%(enterprise)s does not belong to this union.") % {
            "enterprise": enterprise
        }
    return errors


def _check(member: Member) -> None:
    raise_if(
        person_errors(
            id_number=member.id_number,
            birth_date=member.birth_date,
            gender=member.gender,
            joined_on=member.joined_on,
            union=member.union,
            enterprise=member.enterprise,
        )
    )
    member.id_number = parse_id_number(member.id_number).number


@transaction.atomic
def member_enrol(*, actor, member: Member) -> Member:
    """Enrol a member (入会) in `member.union`. A person who left (any union) rejoins, keeping
    their history; a person who is an active member elsewhere is refused, naming that union."""
    _check(member)
    existing = Member.objects.select_related("union").filter(id_number=member.id_number).first()
    if existing is not None:
        if existing.status == MemberStatus.ACTIVE:
            raise AlreadyMember(existing, actor=actor)
        return member_rejoin(
            actor=actor,
            member=existing,
            union=member.union,
            on=member.joined_on,
            enterprise=member.enterprise,
        )
    member.status = MemberStatus.ACTIVE
    member._history_user = actor
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError:
        # Another request enrolled the same person a moment ago.
        raise AlreadyMember(
            Member.objects.select_related("union").get(id_number=member.id_number), actor=actor
        ) from None
    Membership.objects.create(
        member=member, union=member.union, started_on=member.joined_on, start=MembershipStart.JOINED
    )
    return member


@transaction.atomic
def member_update(*, actor, member: Member) -> Member:
    """Save changed details. The union may change only within the same grassroots union;
    moving to another union is a transfer."""
    before = Member.objects.select_for_update().get(pk=member.pk)
    if (
        member.union_id != before.union_id
        and member.union.grassroots_id != before.union.grassroots_id
    ):
        raise ValidationError(
            {"union": _("Moving a member to another grassroots union is a transfer.")}
        )
    _check(member)
    member._history_user = actor
    member.save()
    # The open period follows a corrected joining date too: T1 counts from it.
    Membership.objects.filter(member=member, ended_on__isnull=True).update(
        union=member.union, started_on=member.joined_on
    )
    return member


@transaction.atomic
def member_leave(
    *, actor, member: Member, on: datetime.date, reason: str, transferred_out=False
) -> Member:
    """退会, or 转出 to a union outside the portal."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(_("Only an active member can leave."))
    if on < member.joined_on:
        raise ValidationError(
            {
                "on": _("The date is before the member joined (%(date)s).")
                % {"date": member.joined_on.isoformat()}
            }
        )
    member.status = MemberStatus.TRANSFERRED_OUT if transferred_out else MemberStatus.LEFT
    member.status_changed_on = on
    member.status_reason = reason
    member._history_user = actor
    member.save()
    Membership.objects.filter(member=member, ended_on__isnull=True).update(
        ended_on=on, end=MembershipEnd.TRANSFERRED_OUT if transferred_out else MembershipEnd.LEFT
    )
    Transfer.objects.filter(member=member, status=TransferStatus.PENDING).update(
        status=TransferStatus.CANCELLED, decided_by=actor, decided_at=timezone.now()
    )
    return member


@transaction.atomic
def member_rejoin(*, actor, member: Member, union, on: datetime.date, enterprise=None) -> Member:
    """A member who left (or was transferred out) joins again, in `union`."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.status == MemberStatus.ACTIVE:
        raise ValidationError(_("This member is active already."))
    if member.status_changed_on and on < member.status_changed_on:
        raise ValidationError(
            {
                "on": _("The date is before the member left (%(date)s).")
                % {"date": member.status_changed_on.isoformat()}
            }
        )
    member.union, member.enterprise, member.joined_on = union, enterprise, on
    _check(member)
    member.status, member.status_changed_on, member.status_reason = MemberStatus.ACTIVE, on, ""
    member._history_user = actor
    member.save()
    Membership.objects.create(
        member=member, union=union, started_on=on, start=MembershipStart.REJOINED
    )
    return member


@transaction.atomic
def transfer_request(*, actor, member: Member, to_union, to_enterprise=None, note="") -> Transfer:
    """The receiving union asks the holding union for a member."""
    member = Member.objects.select_for_update().select_related("union").get(pk=member.pk)
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(_("Only an active member can be transferred."))
    if to_union.grassroots_id == member.union.grassroots_id:
        raise ValidationError({"to_union": _("The member is in this union already.")})
    if Transfer.objects.filter(member=member, status=TransferStatus.PENDING).exists():
        raise ValidationError(_("A transfer of this member is already waiting for an answer."))
    return Transfer.objects.create(
        member=member,
        from_union=member.union,
        to_union=to_union,
        to_enterprise=to_enterprise,
        requested_by=actor,
        note=note,
    )


def transfer_lookup(*, actor, id_number: str) -> Member:
    """The active member who holds `id_number`, for a transfer request (转会申请); a
    ValidationError when nobody does.

    Who holds an ID number is someone else's personal data: each look-up is recorded
    (PersonalDataDisclosure, with the number masked), and a user may make at most
    TRANSFER_LOOKUPS_PER_HOUR of them in an hour. The count is read from those records under a
    lock on the user's row, so it holds across every process. Commits on its own: a request
    refused afterwards does not take the record of the look-up with it.
    """
    number = parse_id_number(id_number).number
    limit = settings.TRANSFER_LOOKUPS_PER_HOUR
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=actor.pk).exists()
        recent = PersonalDataDisclosure.objects.filter(
            user=actor,
            reason=DisclosureReason.TRANSFER_LOOKUP,
            at__gte=timezone.now() - datetime.timedelta(hours=1),
        )
        if recent.count() >= limit:
            raise ValidationError(
                {
                    "id_number": _(
                        "You have looked up %(limit)d ID numbers in the last hour, the most "
                        "allowed. Try again later."
                    )
                    % {"limit": limit}
                }
            )
        member = (
            Member.objects.select_related("union")
            .filter(id_number=number, status=MemberStatus.ACTIVE)
            .first()
        )
        PersonalDataDisclosure.objects.create(
            member=member,
            user=actor,
            reason=DisclosureReason.TRANSFER_LOOKUP,
            looked_up=mask_id_number(number),
        )
    if member is None:
        raise ValidationError(
            {"id_number": _("No active member has this ID number: enrol the person instead.")}
        )
    return member


@transaction.atomic
def transfer_decide(*, actor, transfer: Transfer, accept: bool, reason: str = "") -> Transfer:
    """The holding union accepts or rejects. Only the first decision counts: a second click,
    or a second officer at the same moment, finds the transfer decided already."""
    # The member first, in the same order as member_leave, so the two cannot deadlock.
    member = Member.objects.select_for_update().select_related("union").get(pk=transfer.member_id)
    now = timezone.now()
    status = TransferStatus.ACCEPTED if accept else TransferStatus.REJECTED
    won = Transfer.objects.filter(pk=transfer.pk, status=TransferStatus.PENDING).update(
        status=status, decided_by=actor, decided_at=now, decision_reason=reason
    )
    transfer.refresh_from_db()
    if not won:
        raise ValidationError(_("This transfer was decided already."))
    if accept:
        if member.status != MemberStatus.ACTIVE or (
            member.union.grassroots_id != transfer.from_union.grassroots_id
        ):
            raise ValidationError(_("The member is no longer in the holding union."))
        today = timezone.localdate()
        Membership.objects.filter(member=member, ended_on__isnull=True).update(
            ended_on=today, end=MembershipEnd.TRANSFERRED
        )
        member.union, member.enterprise, member.joined_on = (
            transfer.to_union,
            transfer.to_enterprise,
            today,
        )
        member._history_user = actor
        member.save()
        Membership.objects.create(
            member=member,
            union=transfer.to_union,
            started_on=today,
            start=MembershipStart.TRANSFERRED_IN,
        )
    return transfer


@transaction.atomic
def transfer_cancel(*, actor, transfer: Transfer) -> Transfer:
    won = Transfer.objects.filter(pk=transfer.pk, status=TransferStatus.PENDING).update(
        status=TransferStatus.CANCELLED, decided_by=actor, decided_at=timezone.now()
    )
    if not won:
        raise ValidationError(_("This transfer was decided already."))
    transfer.refresh_from_db()
    return transfer


def member_disclose(*, actor, member: Member) -> Member:
    """Show a member's whole ID and phone number to `actor`, and keep a record that they saw it."""
    if not actor.has_perm("unions.view_personal_data"):
        raise PermissionDenied(_("You may not see whole ID and phone numbers."))
    PersonalDataDisclosure.objects.create(member=member, user=actor)
    return member
