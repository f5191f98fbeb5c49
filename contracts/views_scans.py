"""The signed scan of a contract, served only to users who may see the contract."""

import re
from pathlib import PurePath

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import ScopedDetailView

from .models import CollectiveContract
from .scans import content_type_of


def download_name(title: str, suffix: str) -> str:
    """The title as a file name: no path separators or control characters."""
    return re.sub(r'[\\/\x00-\x1f\x7f:*?"<>|]+', "_", title).strip() + suffix


class ContractScanView(ScopedDetailView):
    """The signed scan, to users who may see the contract; the file is never under the web
    root, so this view is the only way to it."""

    model = CollectiveContract

    def get(self, request, *args, **kwargs):
        contract = self.get_object()
        if not contract.signed_scan:
            raise Http404(_("This contract has no scan."))
        try:
            handle = contract.signed_scan.open("rb")
        except FileNotFoundError:
            raise Http404(_("The scan's file is missing.")) from None
        name = contract.signed_scan.name
        content_type = content_type_of(name)
        response = FileResponse(
            handle,
            content_type=content_type,
            # Images open in the browser; a PDF downloads (browsers refuse to show a PDF in
            # the sandbox that keeps scripts in it from running).
            as_attachment=content_type == "application/pdf",
            filename=download_name(contract.title, PurePath(name).suffix.lower()),
        )
        response["Content-Security-Policy"] = "sandbox"
        response["Cache-Control"] = "private, no-store"
        return response
