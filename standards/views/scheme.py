"""The assessment scheme, readable by everyone with a role."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import may_manage_shared_data
from cohesion_portal.views import RecordDetailView, ScopedListView

from ..filters import SchemeFilter
from ..models import Scheme
from ..scoring import load_scheme
from ..tables import SchemeTable

SCHEMES_CRUMB = (_("Assessment schemes"), reverse_lazy("standards:scheme_list"))


class SchemeListView(ScopedListView):
    model = Scheme
    table_class = SchemeTable
    filterset_class = SchemeFilter
    title = _("Assessment schemes")


class SchemeDetailView(RecordDetailView):
    model = Scheme
    template_name = "standards/scheme_detail.html"

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [SCHEMES_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        loaded = load_scheme(self.object.pk)
        for dimension in loaded.dimensions:
            for indicator in dimension.loaded_indicators:
                indicator.figure = metrics.get(indicator.metric) if indicator.metric else None
        context["dimensions"] = loaded.dimensions
        context["grade_rules"] = loaded.grade_rules
        context["veto_items"] = self.object.veto_items.all()
        context["may_manage"] = may_manage_shared_data(self.request.user)
        return context
