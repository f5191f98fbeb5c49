"""The unionized enterprises that T2 (collective contract coverage) still lacks."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unions.views.enterprises import EnterpriseListView

from ..metrics import without_contract_in_force
from .contracts import CONTRACTS_CRUMB


class UncoveredEnterpriseListView(EnterpriseListView):
    """Enterprises with a union on which no collective contract reached through wage
    negotiation is in force today: the dashboard's "without a contract" number is their count
    (contracts.metrics.coverage), in the same scope and area."""

    title = _("Unionized enterprises without a collective contract in force")
    create_url_name = "contracts:create"
    create_label = _("Add a contract")

    def get_queryset(self):
        return without_contract_in_force(super().get_queryset(), timezone.localdate())

    def get_breadcrumbs(self):
        return [CONTRACTS_CRUMB]
