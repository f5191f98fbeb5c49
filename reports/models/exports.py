"""The monthly Excel report: one row per request, with its scope, progress and file."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import VIEW, scope_for
from cohesion_portal.documents import random_name
from cohesion_portal.jobs import Job
from unions.models import IndustryUnion


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being produced")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class ExportQuerySet(models.QuerySet):
    """A report is seen, and tried again, by whoever asked for it (asking needs only an area to
    read); the one the monthly job produced for an industry union is seen by those who see that
    whole industry union, and tried again by those who may change it (its staff)."""

    industry_wide = True  # (for the view walk: not rows of one union)

    def for_user(self, user, action: str = VIEW):
        if scope_for(user, VIEW).is_empty:
            return self.none()
        scope = scope_for(user, action)
        if scope.everything:
            return self.all()
        # (a Reader asked for nothing: it sees the industry unions' reports only)
        mine = Q(requested_by=user) if getattr(user, "pk", None) else Q(pk__in=[])
        industry = Q(requested_by__isnull=True, industry_union_id__in=scope.industry_union_ids)
        return self.filter(mine | industry)


def export_upload_to(export, filename: str) -> str:
    return random_name("reports/monthly", filename)


class MonthlyExport(Job):
    # The first day of the month reported on.
    month = models.DateField(_("month"))
    # Who asked: the report covers their area. None: the monthly job, for `industry_union`.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    industry_union = models.ForeignKey(
        IndustryUnion,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("industry union"),
    )
    scope_label = models.CharField(_("area"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=100, blank=True)
    file = models.FileField(_("file"), upload_to=export_upload_to, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("monthly Excel report")
        verbose_name_plural = _("monthly Excel reports")
        constraints = [
            # The monthly job's report: one per industry union and month, however often it runs.
            models.UniqueConstraint(
                fields=["month", "industry_union"],
                condition=Q(requested_by__isnull=True),
                name="one_industry_report_per_month",
            ),
            # A person's: one waiting at a time per month (a double click gives the same one).
            models.UniqueConstraint(
                fields=["requested_by", "month"],
                condition=Q(status__in=["queued", "running"]),
                name="one_waiting_report_per_person_and_month",
            ),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} · {self.scope_label}"

    def get_absolute_url(self):
        return reverse("reports:export_detail", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return not self.is_waiting


@receiver(post_delete, sender=MonthlyExport)
def _delete_the_file(sender, instance, **kwargs):
    """A report deleted takes its file with it (the admin, a cleanup)."""
    if instance.file:
        instance.file.delete(save=False)
