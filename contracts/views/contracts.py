from django.db.models import Count
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
)

from ..filters import ContractFilter
from ..forms import ContractForm
from ..metrics import coverage
from ..models import CollectiveContract, ContractStatus
from ..services import contract_save
from ..tables import ContractTable

CONTRACTS_CRUMB = (_("Collective contracts"), reverse_lazy("contracts:list"))


class ContractListView(ScopedListView):
    model = CollectiveContract
    create_url_name = "contracts:create"
    create_label = _("Add a contract")
    table_class = ContractTable
    filterset_class = ContractFilter
    title = _("Collective contracts")
    template_name = "contracts/contract_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union")
            .annotate(enterprise_count=Count("enterprises"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["coverage"] = coverage(timezone.localdate(), user=self.request.user)
        return context


class ContractDetailView(RecordDetailView):
    model = CollectiveContract
    template_name = "contracts/contract_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_title(self):
        return self.object.title

    def get_breadcrumbs(self):
        return [CONTRACTS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        contract = self.object
        context["status"] = contract.status_on(timezone.localdate())
        context["status_label"] = ContractStatus(context["status"]).label
        context["enterprises"] = contract.enterprises.select_related("union").order_by("name")
        context["checks"] = contract.performance_checks.all()
        return context


class ContractEditView(ScopedEditView):
    model = CollectiveContract
    form_class = ContractForm
    add_title = _("Add a contract")
    list_crumb = CONTRACTS_CRUMB

    def save(self, form):
        return contract_save(
            actor=self.request.user,
            contract=form.instance,
            enterprises=form.cleaned_data["enterprises"],
        )
