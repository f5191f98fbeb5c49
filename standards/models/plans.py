"""Plans and their targets (T1–T7 of the Cohesion Project): data, not constants."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal import metrics
from cohesion_portal.access import SharedQuerySet
from cohesion_portal.versioning import Versioned


class Plan(Versioned):
    name = models.CharField(_("name"), max_length=200)
    document_number = models.CharField(_("document number"), max_length=60, blank=True)
    issued_by = models.CharField(_("issued by"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="plan_ends_after_it_starts",
                violation_error_message=_("The plan cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("standards:plan_detail", args=[self.pk])


class Target(Versioned):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="targets", verbose_name=_("plan"))
    code = models.CharField(
        _("code"), max_length=10, help_text=_("T1, T2, … as the plan numbers them.")
    )
    title = models.CharField(_("target"), max_length=200)
    wording = models.CharField(
        _("the plan's words"), max_length=300, blank=True, help_text=_("As the document says it.")
    )
    metric = models.CharField(
        _("figure"),
        max_length=60,
        help_text=_("The portal's figure that measures the target."),
    )
    value = models.DecimalField(
        _("target value"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty where the plan asks for a rise without a number."),
    )
    deadline = models.DateField(_("deadline"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "code"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="one_target_code_per_plan",
                violation_error_message=_("The plan already has a target with this code."),
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def figure(self) -> metrics.Metric | None:
        """The registered figure; None while the app that counts it is still to come."""
        return metrics.get(self.metric)
