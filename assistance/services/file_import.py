"""Import of existing hardship files: check a workbook and keep it with what was found, then
save the valid rows in one transaction, once, each as hardship_file_save saves a file."""

import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.imports import ImportStatus, keep_checked

from ..file_import import check_files
from ..models import FileImport
from .files import hardship_file_save


def file_import_upload(*, actor, union, uploaded) -> FileImport:
    """Check `uploaded` for `union` and keep it. Raises RosterFileError for an unreadable file."""
    started = time.monotonic()
    check = check_files(uploaded, union=union)
    return keep_checked(
        FileImport,
        uploaded,
        actor=actor,
        union=union,
        check=check,
        rows_valid=len(check.files),
        started=started,
    )


def file_import_confirm(*, actor, upload: FileImport) -> FileImport:
    """Save the valid rows of a checked workbook, all or none. It is checked again first: if
    anything changed since the preview (a file opened meanwhile for one of its people), nothing
    is saved and the new findings are shown instead."""
    if upload.status != ImportStatus.CHECKED:
        raise ValidationError(_("This workbook was imported already."))
    started = time.monotonic()
    with upload.file.open("rb") as stored:
        check = check_files(stored, union=upload.union)
    problems = check.problems_as_data()
    if upload.findings_changed(rows_valid=len(check.files), problems=problems):
        FileImport.objects.filter(pk=upload.pk).update(
            rows_valid=len(check.files), problems=problems
        )
        raise ValidationError(
            _(
                "The workbook's check changed since you saw it (was a file opened meanwhile?). "
                "Look at the new findings and confirm again."
            )
        )
    try:
        with transaction.atomic():
            if not upload.claim():
                raise ValidationError(_("This workbook was imported already."))
            for file in check.files:
                hardship_file_save(actor=actor, file=file)
            FileImport.objects.filter(pk=upload.pk).update(
                imported_count=len(check.files),
                imported_at=timezone.now(),
                seconds=time.monotonic() - started,
            )
    except IntegrityError:
        raise ValidationError(
            _(
                "A file for a person of this workbook was opened at the same moment; nothing "
                "was imported. Confirm again to see the new check."
            )
        ) from None
    upload.refresh_from_db()
    return upload
