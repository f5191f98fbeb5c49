"""The monthly progress report (月报) a grassroots union sends its industry union: figures taken
from the portal's records plus what the union writes, draft → submitted → returned or accepted."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Union


class MonthlyReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for changes")
    ACCEPTED = "accepted", pgettext_lazy("monthly report", "accepted")


class MonthlyReport(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="monthly_reports", verbose_name=_("union")
    )
    # The first day of the month reported on.
    month = models.DateField(_("month"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MonthlyReportStatus.choices,
        default=MonthlyReportStatus.DRAFT,
    )
    # {figure key: value}, taken from the records when the report is drafted and again when it
    # is submitted; what the industry union accepts is what the records said then.
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    work_done = models.TextField(_("work done this month"), blank=True)
    problems = models.TextField(_("problems and difficulties"), blank=True)
    next_month = models.TextField(_("plan for next month"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(_("comments of the industry union"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "union__path"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")
        constraints = [
            models.UniqueConstraint(
                fields=["union", "month"],
                name="one_monthly_report_per_union_and_month",
                violation_error_message=_("This union already has a report for the month."),
            )
        ]
        indexes = [models.Index(fields=["month", "status"], name="monthly_report_month_status")]

    def __str__(self):
        return f"{self.union} · {self.month:%Y-%m}"

    def get_absolute_url(self):
        return reverse("reports:monthly_detail", args=[self.pk])
