"""Job help (助岗): a training course or a referral to an employer for an unemployed worker,
and what came of it."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.versioning import Versioned
from unions.models import Union

from .files import HardshipFile
from .personal import PersonalQuerySet


class JobHelpKind(models.TextChoices):
    TRAINING = "training", _("training course")
    REFERRAL = "referral", _("referral to an employer")


class JobOutcome(models.TextChoices):
    PENDING = "pending", _("under way")
    EMPLOYED = "employed", _("found work")
    NOT_EMPLOYED = "not_employed", _("no work yet")
    DROPPED = "dropped", _("dropped out")


class JobHelp(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="job_help", verbose_name=_("union")
    )
    file = models.ForeignKey(
        HardshipFile,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="job_help",
        verbose_name=_("hardship file"),
    )
    name = models.CharField(_("full name"), max_length=50)
    kind = models.CharField(_("help given"), max_length=10, choices=JobHelpKind.choices)
    provider = models.CharField(
        _("course or employer"), max_length=100, help_text=_("叉车操作培训班, 某物流公司…")
    )
    started_on = models.DateField(_("started on"))
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=JobOutcome.choices, default=JobOutcome.PENDING
    )
    outcome_on = models.DateField(_("outcome known on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = PersonalQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("job help")
        verbose_name_plural = _("job help")

    def __str__(self):
        return f"{self.name} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("assistance:job_help_detail", args=[self.pk])
