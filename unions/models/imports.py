"""A roster import: the uploaded workbook, what checking it found, and what was imported."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import ScopedQuerySet

from .tree import Union


class RosterImportStatus(models.TextChoices):
    CHECKED = "checked", _("checked, waiting for confirmation")
    IMPORTED = "imported", _("imported")
    CANCELLED = "cancelled", _("cancelled")


class RosterImport(models.Model):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="roster_imports", verbose_name=_("union")
    )
    # Under MEDIA_ROOT, which is outside the web root; only the import's pages read it.
    file = models.FileField(_("file"), upload_to="rosters/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RosterImportStatus.choices,
        default=RosterImportStatus.CHECKED,
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_valid = models.PositiveIntegerField(_("valid rows"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    imported_count = models.PositiveIntegerField(_("members imported"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    seconds = models.FloatField(_("seconds taken"), default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")

    def __str__(self):
        return f"{self.original_name} → {self.union}"

    def get_absolute_url(self):
        return reverse("unions:roster_import_detail", args=[self.pk])
