"""Collective contracts (集体合同) and the enterprises they cover (target T2)."""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, Union

from ..scans import scan_upload_to, validate_scan


class ContractKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("comprehensive")
    WAGE = "wage", _("wage-specific")
    WOMEN = "women", _("women workers' special")
    INDUSTRY = "industry", _("industry-level")
    REGIONAL = "regional", _("regional")


# Kinds signed for several enterprises at once; the federation reports them apart.
MULTI_ENTERPRISE_KINDS = (ContractKind.INDUSTRY, ContractKind.REGIONAL)


class FilingResult(models.TextChoices):
    PENDING = "pending", _("under review")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned for changes")


class ContractStatus(models.TextChoices):
    DRAFTING = "drafting", _("drafting")
    NEGOTIATING = "negotiating", _("negotiating")
    SIGNED = "signed", _("signed")
    FILED = "filed", _("filed")
    IN_FORCE = "in_force", _("in force")
    EXPIRED = "expired", _("expired")


class ContractQuerySet(ScopedQuerySet):
    def in_force_on(self, day: datetime.date):
        return self.filter(signed_on__isnull=False, effective_from__lte=day, effective_to__gte=day)

    def counting_for_coverage(self):
        """Only contracts reached through wage collective negotiation count toward T2."""
        return self.filter(negotiated=True)


class CollectiveContract(Versioned):
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        related_name="contracts",
        verbose_name=_("union"),
        help_text=_("The union that is a party to the contract."),
    )
    kind = models.CharField(_("contract kind"), max_length=20, choices=ContractKind.choices)
    title = models.CharField(_("title"), max_length=200)
    employer_party = models.CharField(
        _("employer party"),
        max_length=200,
        help_text=_("The enterprise, or the employers' organisation of an industry or region."),
    )
    enterprises = models.ManyToManyField(
        Enterprise,
        through="ContractCoverage",
        related_name="contracts",
        verbose_name=_("enterprises covered"),
    )
    negotiated = models.BooleanField(_("reached through wage collective negotiation"), default=True)
    negotiation_rounds = models.PositiveSmallIntegerField(_("negotiation rounds"), default=0)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    workers_covered = models.PositiveIntegerField(_("workers covered"), default=0)
    wage_increase_pct = models.DecimalField(
        _("agreed wage increase (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-100")), MaxValueValidator(Decimal("100"))],
    )
    minimum_wage_clause = models.BooleanField(_("minimum wage clause"), default=False)
    congress_approved_on = models.DateField(
        _("approved by the workers' congress on"), null=True, blank=True
    )
    congress_votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    congress_votes_total = models.PositiveIntegerField(_("delegates voting"), null=True, blank=True)
    filed_on = models.DateField(_("filed with the labour administration on"), null=True, blank=True)
    filing_result = models.CharField(
        _("filing result"), max_length=20, choices=FilingResult.choices, blank=True
    )
    signed_scan = models.FileField(
        _("signed scan"),
        upload_to=scan_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_scan],
        help_text=_("The signed contract as a PDF, PNG or JPEG file, at most 10 MB."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("collective contract")
        verbose_name_plural = _("collective contracts")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True)
                | Q(effective_from__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="contract_ends_after_it_starts",
                violation_error_message=_("The contract cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(signed_on__isnull=True)
                | Q(effective_from__gte=F("signed_on")),
                name="contract_effective_after_signing",
                violation_error_message=_("A contract cannot take effect before it is signed."),
            ),
            models.CheckConstraint(
                condition=Q(congress_votes_for__isnull=True)
                | Q(congress_votes_total__isnull=True)
                | Q(congress_votes_for__lte=F("congress_votes_total")),
                name="contract_votes_for_within_total",
                violation_error_message=_("More votes for than delegates voting."),
            ),
        ]
        indexes = [
            models.Index(fields=["effective_from", "effective_to"], name="contract_in_force")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contracts:detail", args=[self.pk])

    def status_on(self, day: datetime.date) -> str:
        """Derived from the dates: nothing here is typed in."""
        if self.signed_on is None:
            return (
                ContractStatus.NEGOTIATING if self.negotiation_rounds else ContractStatus.DRAFTING
            )
        if self.effective_to and day > self.effective_to:
            return ContractStatus.EXPIRED
        if self.effective_from and self.effective_from <= day:
            return ContractStatus.IN_FORCE
        return ContractStatus.FILED if self.filed_on else ContractStatus.SIGNED


# 要约: the employer must answer a written offer to negotiate within 20 days
# (《集体合同规定》, article 32).
REPLY_DAYS = 20


class OfferQuerySet(ScopedQuerySet):
    def overdue_on(self, day: datetime.date):
        """Offers without a reply whose 20 days have passed by `day`."""
        return self.filter(
            replied_on__isnull=True, sent_on__lt=day - datetime.timedelta(days=REPLY_DAYS)
        )


class OfferReply(models.TextChoices):
    ACCEPTED = "accepted", _("agreed to negotiate")
    DECLINED = "declined", _("declined")


class ContractCoverage(models.Model):
    """An enterprise a contract covers. The enterprise cannot be deleted while it is: that
    would take it out of the contract's coverage (T2) without a word. (The table and columns
    are those Django made for the plain many-to-many field this replaced.)"""

    collectivecontract = models.ForeignKey(CollectiveContract, models.CASCADE)
    enterprise = models.ForeignKey(Enterprise, models.PROTECT)

    class Meta:
        db_table = "contracts_collectivecontract_enterprises"
        unique_together = [("collectivecontract", "enterprise")]
        verbose_name = _("enterprise covered")
        verbose_name_plural = _("enterprises covered")

    def __str__(self):
        return f"{self.collectivecontract_id} → {self.enterprise_id}"


class NegotiationOffer(Versioned):
    """工资集体协商要约: the union's written offer to an employer to negotiate wages."""

    union = models.ForeignKey(Union, models.PROTECT, related_name="offers", verbose_name=_("union"))
    enterprise = models.ForeignKey(
        Enterprise, models.PROTECT, related_name="offers", verbose_name=_("enterprise")
    )
    subject = models.CharField(_("subject"), max_length=200)
    sent_on = models.DateField(_("offer sent on"))
    replied_on = models.DateField(_("employer replied on"), null=True, blank=True)
    reply = models.CharField(_("reply"), max_length=20, choices=OfferReply.choices, blank=True)
    contract = models.ForeignKey(
        CollectiveContract,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("resulting contract"),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_on"]
        verbose_name = _("negotiation offer")
        verbose_name_plural = _("negotiation offers")
        constraints = [
            models.CheckConstraint(
                condition=Q(replied_on__isnull=True) | Q(replied_on__gte=F("sent_on")),
                name="offer_reply_after_sending",
                violation_error_message=_("The reply cannot come before the offer was sent."),
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("contracts:offer_detail", args=[self.pk])

    @property
    def reply_due(self) -> datetime.date:
        return self.sent_on + datetime.timedelta(days=REPLY_DAYS)

    def is_overdue(self, day: datetime.date) -> bool:
        return self.replied_on is None and day > self.reply_due


class RoundQuerySet(ScopedQuerySet):
    union_path = "offer__union"


class NegotiationRound(models.Model):
    offer = models.ForeignKey(
        NegotiationOffer, models.CASCADE, related_name="rounds", verbose_name=_("offer")
    )
    held_on = models.DateField(_("held on"))
    minutes = models.TextField(_("minutes"))
    history = HistoricalRecords()

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["held_on", "pk"]
        verbose_name = _("negotiation round")
        verbose_name_plural = _("negotiation rounds")

    def __str__(self):
        return f"{self.offer} · {self.held_on}"
