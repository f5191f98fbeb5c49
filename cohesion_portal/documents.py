"""Uploaded documents (signed scans, evidence): a PDF or an image, checked by what is in it,
not by its name, stored under MEDIA_ROOT (outside the web root) with a random name, and served
only by a view that checks the user's scope."""

import re
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_MB = 10

# Extension -> (content type, the bytes such a file starts with).
DOCUMENT_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}


def random_name(folder: str, filename: str) -> str:
    # The stored path reveals nothing and cannot be guessed.
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def content_type_of(name: str) -> str:
    default = ("application/octet-stream", b"")
    return DOCUMENT_TYPES.get(PurePath(name).suffix.lower(), default)[0]


def validate_document(upload) -> None:
    """A PDF, PNG or JPEG of at most MAX_DOCUMENT_MB whose content matches its extension."""
    if getattr(upload, "_committed", False):
        return  # a file already stored was checked when it came in
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise ValidationError(
            _("Upload the scan as a PDF, PNG or JPEG file."), code="scan_extension"
        )
    if upload.size > MAX_DOCUMENT_MB * 1024 * 1024:
        raise ValidationError(
            _("The scan is larger than %(mb)s MB. Scan at a lower resolution and try again."),
            code="scan_size",
            params={"mb": MAX_DOCUMENT_MB},
        )
    magic = DOCUMENT_TYPES[suffix][1]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ValidationError(
            _("This file is not a %(kind)s file, whatever its name says."),
            code="scan_content",
            params={"kind": suffix.lstrip(".").upper()},
        )


def download_name(title: str, suffix: str) -> str:
    """A title as a file name: no path separators or control characters."""
    return re.sub(r'[\\/\x00-\x1f\x7f:*?"<>|]+', "_", title).strip() + suffix


def document_response(field_file, title: str) -> FileResponse:
    """The stored document: images open in the browser, a PDF downloads (browsers refuse to
    show a PDF inside the sandbox that keeps scripts in it from running)."""
    if not field_file:
        raise Http404(_("There is no file."))
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The scan's file is missing.")) from None
    content_type = content_type_of(field_file.name)
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=content_type == "application/pdf",
        filename=download_name(title, PurePath(field_file.name).suffix.lower()),
    )
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
