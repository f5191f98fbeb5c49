"""The signed scan of a contract: a PDF or an image, checked by what is in it, not its name.

Scans are stored under MEDIA_ROOT (outside the web root) with a random name, and served only by
the contract's own download view, to users who may see the contract.
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_SCAN_MB = 10

# Extension -> (content type, the bytes such a file starts with).
SCAN_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
}


def scan_upload_to(contract, filename: str) -> str:
    # A random name: the stored path reveals nothing and cannot be guessed.
    return f"contracts/scans/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def content_type_of(name: str) -> str:
    return SCAN_TYPES.get(PurePath(name).suffix.lower(), ("application/octet-stream", b""))[0]


def validate_scan(upload) -> None:
    """A PDF, PNG or JPEG of at most MAX_SCAN_MB whose content matches its extension."""
    if getattr(upload, "_committed", False):
        return  # a scan already stored was checked when it came in
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in SCAN_TYPES:
        raise ValidationError(
            _("Upload the scan as a PDF, PNG or JPEG file."), code="scan_extension"
        )
    if upload.size > MAX_SCAN_MB * 1024 * 1024:
        raise ValidationError(
            _("The scan is larger than %(mb)s MB. Scan at a lower resolution and try again."),
            code="scan_size",
            params={"mb": MAX_SCAN_MB},
        )
    magic = SCAN_TYPES[suffix][1]
    upload.seek(0)
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic:
        raise ValidationError(
            _("This file is not a %(kind)s file, whatever its name says."),
            code="scan_content",
            params={"kind": suffix.lstrip(".").upper()},
        )
