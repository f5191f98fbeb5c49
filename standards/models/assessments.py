"""Self-inspection (自查) by the union, inspection (考核) by the area cadre, approval by the
industry union; veto items recorded against a union."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.documents import random_name, validate_document
from cohesion_portal.versioning import Versioned
from unions.models import Union

from .scheme import POINTS, Indicator, Period, VetoItem


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("self-inspection in progress")
    SUBMITTED = "submitted", _("awaiting inspection")
    INSPECTED = "inspected", _("awaiting approval")
    APPROVED = "approved", _("approved by the industry union")


class Assessment(Versioned):
    period = models.ForeignKey(
        Period, models.PROTECT, related_name="assessments", verbose_name=_("period")
    )
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="assessments", verbose_name=_("union")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("self-inspection submitted at"), null=True, blank=True)
    inspected_at = models.DateTimeField(_("inspected at"), null=True, blank=True)
    inspected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inspected by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["period", "union__path"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "union"],
                name="one_assessment_per_union_and_period",
                violation_error_message=_("This union already has an assessment for the period."),
            )
        ]

    def __str__(self):
        return f"{self.union} · {self.period}"

    def get_absolute_url(self):
        return reverse("standards:assessment_detail", args=[self.pk])


def evidence_upload_to(score, filename: str) -> str:
    return random_name("standards/evidence", filename)


class ScoreQuerySet(ScopedQuerySet):
    union_path = "assessment__union"


class AssessmentScore(models.Model):
    """The points of one assessed or self-assessed indicator."""

    assessment = models.ForeignKey(
        Assessment, models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="+", verbose_name=_("indicator")
    )
    self_points = models.DecimalField(_("self-assessed points"), null=True, blank=True, **POINTS)
    self_evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"),
        upload_to=evidence_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_document],
        help_text=_("A PDF, PNG or JPEG file, at most 10 MB."),
    )
    points = models.DecimalField(_("inspected points"), null=True, blank=True, **POINTS)
    reason = models.TextField(_("inspector's reason"), blank=True)
    history = HistoricalRecords()

    objects = ScoreQuerySet.as_manager()

    class Meta:
        ordering = ["indicator__dimension__order", "indicator__order"]
        verbose_name = _("assessment score")
        verbose_name_plural = _("assessment scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="one_score_each")
        ]

    def __str__(self):
        return f"{self.assessment} · {self.indicator}"

    def get_absolute_url(self):
        return self.assessment.get_absolute_url()


class VetoHit(models.Model):
    """A veto item that happened in a union during a period."""

    period = models.ForeignKey(
        Period, models.PROTECT, related_name="veto_hits", verbose_name=_("period")
    )
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="veto_hits", verbose_name=_("union")
    )
    veto_item = models.ForeignKey(
        VetoItem, models.PROTECT, related_name="hits", verbose_name=_("veto item")
    )
    occurred_on = models.DateField(_("occurred on"))
    note = models.TextField(_("what happened"))
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("veto item hit")
        verbose_name_plural = _("veto item hits")

    def __str__(self):
        return f"{self.union} · {self.veto_item}"
