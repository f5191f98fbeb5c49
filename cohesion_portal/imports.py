"""What every import of an Excel list keeps: the uploaded workbook, what checking it found, and
what was imported. A concrete import adds its union and its `file` (where it is stored).

The steps are the same for every list: check and keep (nothing imported), the person looks at
the findings, then confirms; the confirm checks the file again and imports only if the findings
are still those the person saw, once (`claim`).
"""

import time
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    CHECKED = "checked", _("checked, waiting for confirmation")
    IMPORTED = "imported", _("imported")
    CANCELLED = "cancelled", _("cancelled")


class WorkbookImport(models.Model):
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.CHECKED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_valid = models.PositiveIntegerField(_("valid rows"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    seconds = models.FloatField(_("seconds taken"), default=0)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.original_name} → {self.union}"

    def findings_changed(self, *, rows_valid: int, problems: list[dict]) -> bool:
        """Whether a new check found other than what the person saw. The rows and columns are
        compared, not the messages (they may differ by language or date)."""

        def positions(found):
            return [(p["row"], p["column"]) for p in found]

        return rows_valid != self.rows_valid or positions(problems) != positions(self.problems)

    def claim(self) -> bool:
        """Mark the import done, if no one did it first (call inside the import's transaction)."""
        return bool(
            type(self)
            .objects.filter(pk=self.pk, status=ImportStatus.CHECKED)
            .update(status=ImportStatus.IMPORTED)
        )


def recent_imports(model, *, user, limit: int = 10):
    """The last imports of `model` (a WorkbookImport) that `user` may see, newest first."""
    return model.objects.for_user(user).select_related("union", "uploaded_by")[:limit]


def keep_checked(model, uploaded, *, actor, union, check, rows_valid: int, started: float):
    """A new import of `model` (a WorkbookImport) for `union`: the workbook `uploaded`, stored
    under a name that reveals nothing, with what `check` found (`rows_total`,
    `problems_as_data()`) and the seconds since `started` (time.monotonic())."""
    upload = model(
        union=union,
        original_name=uploaded.name[:200],
        uploaded_by=actor,
        rows_total=check.rows_total,
        rows_valid=rows_valid,
        problems=check.problems_as_data(),
        seconds=time.monotonic() - started,
    )
    uploaded.seek(0)
    upload.file.save(f"{uuid.uuid4().hex}.xlsx", ContentFile(uploaded.read()), save=False)
    upload.save()
    return upload
