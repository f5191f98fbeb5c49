"""The signed scan of a contract, served only to users who may see the contract."""

from cohesion_portal.documents import document_response
from cohesion_portal.views import ScopedDetailView

from ..models import CollectiveContract


class ContractScanView(ScopedDetailView):
    """The file is never under the web root: this view is the only way to it."""

    model = CollectiveContract

    def get(self, request, *args, **kwargs):
        contract = self.get_object()
        return document_response(contract.signed_scan, contract.title)
