"""An import of existing hardship files from Excel: checked first, imported once confirmed."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.imports import WorkbookImport
from unions.models import Union

from .personal import PersonalQuerySet


class FileImport(WorkbookImport):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="hardship_file_imports", verbose_name=_("union")
    )
    # Under MEDIA_ROOT, outside the web root; the workbook names people, so only the import's
    # pages read it, for those with the assistance permission.
    file = models.FileField(_("file"), upload_to="hardship-files/%Y/%m/")
    imported_count = models.PositiveIntegerField(_("files imported"), default=0)

    objects = PersonalQuerySet.as_manager()

    class Meta(WorkbookImport.Meta):
        verbose_name = _("hardship file import")
        verbose_name_plural = _("hardship file imports")

    def get_absolute_url(self):
        return reverse("assistance:file_import_detail", args=[self.pk])
