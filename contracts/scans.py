"""The signed scan of a contract: a document (cohesion_portal.documents) under contracts/scans/.
The names here are the ones the migrations refer to."""

from cohesion_portal.documents import MAX_DOCUMENT_MB, content_type_of, random_name
from cohesion_portal.documents import validate_document as validate_scan

MAX_SCAN_MB = MAX_DOCUMENT_MB

__all__ = ["MAX_SCAN_MB", "content_type_of", "scan_upload_to", "validate_scan"]


def scan_upload_to(contract, filename: str) -> str:
    return random_name("contracts/scans", filename)
