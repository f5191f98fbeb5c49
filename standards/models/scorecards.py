"""Scorecards: what the scoring job computed for a union and period, with the why of every
point. One row per union and period, replaced when recomputed."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import ScopedQuerySet, SharedQuerySet
from cohesion_portal.jobs import Job
from unions.models import Union

from .scheme import POINTS, Grade, Period


class ScorecardQuerySet(ScopedQuerySet):
    def counted(self):
        """The scorecards the figures and rankings count: of unions not dissolved (a dissolved
        union's scorecards stay on its page, as history)."""
        return self.filter(union__status="active")


class Scorecard(models.Model):
    period = models.ForeignKey(
        Period, models.CASCADE, related_name="scorecards", verbose_name=_("period")
    )
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="scorecards", verbose_name=_("union")
    )
    total = models.DecimalField(_("total"), **POINTS)
    grade = models.CharField(_("grade"), max_length=3, choices=Grade.choices, blank=True)
    trusted_home = models.BooleanField(_("trusted home of workers"))
    satisfaction = models.DecimalField(
        _("member satisfaction (%)"), null=True, blank=True, **POINTS
    )
    final = models.BooleanField(
        _("final"), default=False, help_text=_("The inspection is approved.")
    )
    revising = models.BooleanField(
        _("being revised"),
        default=False,
        help_text=_("Sent back after an inspection: the last inspected points stand meanwhile."),
    )
    # [{"code", "name", "points", "max", "share"}] per dimension, in the scheme's order.
    dimensions = models.JSONField(_("dimension scores"), default=list)
    # [{"indicator", "code", "name", "dimension", "method", "max", "points", "value", "basis"}]
    lines = models.JSONField(_("indicator points"), default=list)
    # [{"code", "name", "caps_grade_at", "note"}]
    vetoes = models.JSONField(_("veto items hit"), default=list)
    computed_at = models.DateTimeField(_("computed at"))

    objects = ScorecardQuerySet.as_manager()

    class Meta:
        ordering = ["-total", "union__name"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [
            models.UniqueConstraint(fields=["period", "union"], name="one_scorecard_each")
        ]
        indexes = [models.Index(fields=["period", "grade"], name="scorecard_grade")]

    def __str__(self):
        return f"{self.union} · {self.period}"

    def get_absolute_url(self):
        return reverse("standards:scorecard", args=[self.pk])


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ScoringRun(Job):
    """A full recompute of a period, with its progress for the page that launched it."""

    period = models.ForeignKey(
        Period, models.CASCADE, related_name="runs", verbose_name=_("period")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    unions_total = models.PositiveIntegerField(_("unions"), default=0)
    unions_done = models.PositiveIntegerField(_("unions scored"), default=0)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("scoring run")
        verbose_name_plural = _("scoring runs")

    def __str__(self):
        return f"{self.period} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def progress(self) -> int:
        return round(100 * self.unions_done / self.unions_total) if self.unions_total else 0
