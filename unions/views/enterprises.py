from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE, scope_for
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedListView,
    ScopedUpdateView,
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


class EnterpriseCreateView(ScopedCreateView):
    model = Enterprise
    form_class = EnterpriseForm
    title = _("Add an enterprise")
    success_message = _("%(object)s was added.")

    def get_initial(self):
        initial = super().get_initial()
        union = (
            Union.objects.for_user(self.request.user, CHANGE)
            .filter(pk=query_id(self.request.GET, "union"))
            .first()
        )
        if union is not None:
            initial["union"] = union
        return initial

    def get_breadcrumbs(self):
        return [ENTERPRISES_CRUMB]

    def save(self, form):
        return enterprise_save(actor=self.request.user, enterprise=form.instance)


class EnterpriseUpdateView(ScopedUpdateView):
    model = Enterprise
    form_class = EnterpriseForm
    success_message = _("%(object)s was saved.")

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [ENTERPRISES_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def save(self, form):
        return enterprise_save(actor=self.request.user, enterprise=form.instance)
