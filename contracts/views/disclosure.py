"""Pages of affairs disclosure (厂务公开)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
)

from ..filters import DisclosureFilter
from ..forms import DisclosureForm
from ..models import Disclosure
from ..services import disclosure_save
from ..tables import DisclosureTable

DISCLOSURES_CRUMB = (_("Affairs disclosure"), reverse_lazy("contracts:disclosure_list"))


class DisclosureListView(ScopedListView):
    model = Disclosure
    create_url_name = "contracts:disclosure_create"
    create_label = _("Record a disclosure")
    table_class = DisclosureTable
    filterset_class = DisclosureFilter
    title = _("Affairs disclosure")

    def get_queryset(self):
        return super().get_queryset().select_related("enterprise")


class DisclosureDetailView(RecordDetailView):
    model = Disclosure
    template_name = "contracts/disclosure_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_title(self):
        return self.object.title

    def get_breadcrumbs(self):
        return [DISCLOSURES_CRUMB]


class DisclosureEditView(ScopedEditView):
    model = Disclosure
    form_class = DisclosureForm
    add_title = _("Record a disclosure")
    list_crumb = DISCLOSURES_CRUMB

    def save(self, form):
        return disclosure_save(actor=self.request.user, disclosure=form.instance)
