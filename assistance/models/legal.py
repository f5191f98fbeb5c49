"""Legal aid (法律援助工作站): the workstations at the industry union and in grassroots unions,
and the cases they take for workers: the dispute, how far it went (consultation → mediation →
arbitration → litigation), how it ended and what was recovered."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import Scope, ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import IndustryUnion, Union

from .personal import PersonalQuerySet

# A worker's claim above this is a typing error (years of a manager's pay fit below it).
LARGEST_CLAIM = Decimal("10000000.00")
CLAIM = [MinValueValidator(Decimal(0)), MaxValueValidator(LARGEST_CLAIM)]


class WorkstationQuerySet(ScopedQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        return scope.union_condition("union__") | (
            Q(union__isnull=True) & scope.industry_condition()
        )


class LegalWorkstation(Versioned):
    industry_union = models.ForeignKey(
        IndustryUnion,
        models.PROTECT,
        related_name="legal_workstations",
        verbose_name=_("industry union"),
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="legal_workstations",
        verbose_name=_("run by"),
        help_text=_("Empty: the industry union runs it."),
    )
    name = models.CharField(_("name"), max_length=100)
    opened_on = models.DateField(_("set up on"))
    lawyers = models.CharField(
        _("lawyers and advisers"), max_length=200, help_text=_("Names and firms, with 、")
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    history = HistoricalRecords()

    objects = WorkstationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("legal aid workstation")
        verbose_name_plural = _("legal aid workstations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assistance:workstation_detail", args=[self.pk])


class Dispute(models.TextChoices):
    WAGES = "wages", _("wages owed")
    CONTRACT = "contract", _("labour contract")
    INJURY = "injury", _("work injury")
    INSURANCE = "insurance", _("social insurance")
    OTHER = "other", _("other")


class Stage(models.TextChoices):
    """How far a case has gone, in the order a dispute goes."""

    CONSULTATION = "consultation", _("consultation")
    MEDIATION = "mediation", _("mediation")
    ARBITRATION = "arbitration", _("arbitration")
    LITIGATION = "litigation", _("litigation")


class Outcome(models.TextChoices):
    PENDING = "pending", _("in progress")
    SETTLED = "settled", _("settled")
    WON = "won", _("won")
    PARTLY = "partly", _("partly won")
    LOST = "lost", _("lost")
    WITHDRAWN = "withdrawn", _("withdrawn")


class LegalCaseQuerySet(PersonalQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        return scope.union_condition("workstation__union__") | (
            Q(workstation__union__isnull=True)
            & scope.industry_condition("workstation__industry_union_id")
        )


class LegalCase(Versioned):
    workstation = models.ForeignKey(
        LegalWorkstation, models.PROTECT, related_name="cases", verbose_name=_("workstation")
    )
    name = models.CharField(_("full name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    employer = models.CharField(_("employer"), max_length=100)
    dispute = models.CharField(_("dispute"), max_length=10, choices=Dispute.choices)
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.CONSULTATION
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING
    )
    opened_on = models.DateField(_("taken on"))
    closed_on = models.DateField(_("concluded on"), null=True, blank=True)
    claimed = models.DecimalField(
        _("amount claimed (yuan)"), max_digits=12, decimal_places=2, default=0, validators=CLAIM
    )
    recovered = models.DecimalField(
        _("amount recovered (yuan)"), max_digits=12, decimal_places=2, default=0, validators=CLAIM
    )
    summary = models.TextField(_("what happened"), blank=True)
    history = HistoricalRecords()

    objects = LegalCaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("legal aid case")
        verbose_name_plural = _("legal aid cases")

    def __str__(self):
        return f"{self.name} · {self.get_dispute_display()}"

    def get_absolute_url(self):
        return reverse("assistance:legal_case_detail", args=[self.pk])
