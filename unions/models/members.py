"""Union members: one person is one member in the whole system, whichever union holds them.

`Member` is the person and where they are now; `Membership` keeps each stretch of time in one
union (the history across unions); `Transfer` is a 转会 request between two unions of the portal.
"""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.versioning import Versioned

from ..querysets import MemberQuerySet, MembershipQuerySet, TransferQuerySet
from .enterprises import Enterprise
from .tree import Union

# 新生代农民工: migrant workers born in 1980 or later (domain.md, after the ACFTU's 2010 study).
NEW_GENERATION_BORN_FROM = datetime.date(1980, 1, 1)

# [0-9], not \d: \d also matches other scripts' digits (١٣٨…), which no phone dials.
mobile_validator = RegexValidator(r"^1[3-9][0-9]{9}\Z", _("Enter an 11-digit mobile number."))


class Gender(models.TextChoices):
    MALE = "male", _("male")
    FEMALE = "female", _("female")


class Education(models.TextChoices):
    PRIMARY = "primary", _("primary school or less")
    JUNIOR = "junior", _("junior middle school")
    SENIOR = "senior", _("senior middle, technical or vocational school")
    COLLEGE = "college", _("junior college")
    BACHELOR = "bachelor", _("bachelor's degree")
    POSTGRADUATE = "postgraduate", _("postgraduate")


class Hukou(models.TextChoices):
    AGRICULTURAL = "agricultural", _("agricultural")
    NON_AGRICULTURAL = "non_agricultural", _("non-agricultural")
    RESIDENT = "resident", _("unified resident")


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    TRANSFERRED_OUT = "transferred_out", _("transferred out of the system")
    LEFT = "left", _("left the union")


class Member(Versioned):
    name = models.CharField(_("full name"), max_length=50)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    id_number = models.CharField(
        _("ID number"),
        max_length=18,
        unique=True,
        error_messages={"unique": _("This person is already a member.")},
    )
    birth_date = models.DateField(_("birth date"))
    phone = models.CharField(
        _("mobile phone"), max_length=11, blank=True, validators=[mobile_validator]
    )
    education = models.CharField(
        _("education"), max_length=20, choices=Education.choices, blank=True
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        related_name="members",
        verbose_name=_("union"),
        help_text=_("The union, branch or group the member belongs to now."),
    )
    enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("enterprise"),
    )
    joined_on = models.DateField(
        _("joined on"), help_text=_("When the member joined their present union.")
    )
    card_number = models.CharField(_("membership card number"), max_length=30, blank=True)
    is_migrant = models.BooleanField(
        _("migrant worker"),
        default=False,
        help_text=_(
            "农民工: agricultural household registration, working mainly in non-farm jobs."
        ),
    )
    is_dispatched = models.BooleanField(_("dispatched worker"), default=False)
    hukou = models.CharField(
        _("household registration"), max_length=20, choices=Hukou.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.ACTIVE
    )
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    status_reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        permissions = [("view_personal_data", _("Can see whole ID numbers and phone numbers"))]
        constraints = [
            models.UniqueConstraint(
                fields=["card_number"],
                condition=~Q(card_number=""),
                name="member_card_number_unique",
                violation_error_message=_("Another member has this card number."),
            ),
        ]
        indexes = [
            # A list's count (status, migrant worker, in the scope's unions) from the index alone.
            models.Index(
                fields=["union", "status", "is_migrant"], name="member_union_status_migrant"
            ),
            # The roster newest first, and its deep pages: ids sorted and filtered from the
            # index alone (cohesion_portal.pagination).
            models.Index(
                fields=["joined_on", "id"],
                include=["union", "status", "is_migrant"],
                name="member_newest_first",
            ),
            # The roster's default order, so a page of it needs no sort of the whole scope.
            models.Index(fields=["name", "id"], name="member_name_id"),
            # T1's people (new-generation migrant workers), read by the dashboard, the
            # workbench, the shares and the monthly report: found from the index alone.
            models.Index(
                fields=["id"],
                condition=Q(is_migrant=True, birth_date__gte=NEW_GENERATION_BORN_FROM),
                name="member_new_generation",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("unions:member_detail", args=[self.pk])

    @property
    def is_new_generation_migrant(self) -> bool:
        return self.is_migrant and self.birth_date >= NEW_GENERATION_BORN_FROM


class MembershipStart(models.TextChoices):
    JOINED = "joined", _("joined")
    REJOINED = "rejoined", _("rejoined")
    TRANSFERRED_IN = "transferred_in", _("transferred in")


class MembershipEnd(models.TextChoices):
    LEFT = "left", _("left")
    TRANSFERRED = "transferred", _("transferred to another union")
    TRANSFERRED_OUT = "transferred_out", _("transferred out of the system")


class Membership(models.Model):
    """A stretch of time a member spent in one union. The open one (no end) is the present."""

    member = models.ForeignKey(
        Member, models.PROTECT, related_name="memberships", verbose_name=_("member")
    )
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="memberships", verbose_name=_("union")
    )
    started_on = models.DateField(_("from"))
    start = models.CharField(_("how it began"), max_length=20, choices=MembershipStart.choices)
    ended_on = models.DateField(_("until"), null=True, blank=True)
    end = models.CharField(
        _("how it ended"), max_length=20, choices=MembershipEnd.choices, blank=True
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["member", "started_on", "pk"]
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=Q(ended_on__isnull=True), name="one_open_membership"
            ),
        ]
        indexes = [
            models.Index(fields=["start", "started_on"], name="membership_start"),
            models.Index(fields=["member", "started_on"], name="membership_member_started"),
        ]

    def __str__(self):
        return f"{self.member} · {self.union} · {self.started_on}"


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the holding union")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    CANCELLED = "cancelled", _("withdrawn")


class Transfer(models.Model):
    """转会: a union asks to take over a member that another union of the portal holds."""

    member = models.ForeignKey(
        Member, models.PROTECT, related_name="transfers", verbose_name=_("member")
    )
    from_union = models.ForeignKey(
        Union, models.PROTECT, related_name="transfers_out", verbose_name=_("holding union")
    )
    to_union = models.ForeignKey(
        Union, models.PROTECT, related_name="transfers_in", verbose_name=_("receiving union")
    )
    to_enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("new enterprise"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=TransferStatus.choices, default=TransferStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = TransferQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=Q(status="pending"), name="one_pending_transfer"
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.from_union} → {self.to_union}"


class DisclosureReason(models.TextChoices):
    SHOWN = "shown", _("whole ID and phone number shown")
    TRANSFER_LOOKUP = "transfer_lookup", _("ID number looked up for a transfer request")


class PersonalDataDisclosure(models.Model):
    """Each time someone learned what the masked numbers hide: chose to see a member's whole
    ID and phone number, or looked up who holds an ID number to ask for a transfer."""

    member = models.ForeignKey(
        Member,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
        verbose_name=_("member"),
        help_text=_("Empty for a look-up that found no active member."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=DisclosureReason.choices, default=DisclosureReason.SHOWN
    )
    looked_up = models.CharField(
        _("ID number looked up"), max_length=18, blank=True, help_text=_("Masked.")
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data disclosure")
        verbose_name_plural = _("personal data disclosures")
        indexes = [models.Index(fields=["user", "reason", "at"], name="disclosure_by_user")]

    def __str__(self):
        return f"{self.user} → {self.member or self.looked_up} ({self.at:%Y-%m-%d %H:%M})"
