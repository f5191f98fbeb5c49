from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE, scope_for
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
)

from ..filters import EnterpriseFilter
from ..forms import EnterpriseForm
from ..models import Enterprise, Union
from ..services import enterprise_save
from ..tables import EnterpriseTable

ENTERPRISES_CRUMB = (_("Enterprises"), reverse_lazy("unions:enterprise_list"))


class EnterpriseListView(ScopedListView):
    model = Enterprise
    create_url_name = "unions:enterprise_create"
    create_label = _("Add an enterprise")
    table_class = EnterpriseTable
    filterset_class = EnterpriseFilter
    title = _("Enterprises")

    def get_table_kwargs(self):
        scope = scope_for(self.request.user)
        spans_industries = scope.everything or len(scope.industry_union_ids) > 1
        return {} if spans_industries else {"exclude": ("industry_union",)}

    def get_queryset(self):
        return super().get_queryset().select_related("industry_union", "union")


class EnterpriseDetailView(RecordDetailView):
    model = Enterprise
    template_name = "unions/enterprise_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("industry_union", "union")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [ENTERPRISES_CRUMB]


class EnterpriseEditView(ScopedEditView):
    model = Enterprise
    form_class = EnterpriseForm
    add_title = _("Add an enterprise")
    list_crumb = ENTERPRISES_CRUMB

    def get_initial(self):
        initial = super().get_initial()
        if not self.adding:
            return initial
        union = (
            Union.objects.for_user(self.request.user, CHANGE)
            .filter(pk=query_id(self.request.GET, "union"))
            .first()
        )
        if union is not None:
            initial["union"] = union
        return initial

    def save(self, form):
        return enterprise_save(actor=self.request.user, enterprise=form.instance)
