"""A roster import: the uploaded workbook, what checking it found, and what was imported."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.imports import ImportStatus, WorkbookImport

from .tree import Union

RosterImportStatus = ImportStatus


class RosterImport(WorkbookImport):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="roster_imports", verbose_name=_("union")
    )
    # Under MEDIA_ROOT, which is outside the web root; only the import's pages read it.
    file = models.FileField(_("file"), upload_to="rosters/%Y/%m/")
    imported_count = models.PositiveIntegerField(_("members imported"), default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta(WorkbookImport.Meta):
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")

    def get_absolute_url(self):
        return reverse("unions:roster_import_detail", args=[self.pk])
