"""The assessment scheme, readable by everyone with a role."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import may_manage_shared_data
from cohesion_portal.views import RecordDetailView, ScopedListView

from ..filters import SchemeFilter
from ..models import Method, Scheme
from ..scoring import load_scheme
from ..services import frozen_reason
from ..tables import SchemeTable

SCHEMES_CRUMB = (_("Assessment schemes"), reverse_lazy("standards:scheme_list"))


def offered_figures(indicator) -> list[metrics.Metric]:
    """The figures an app has declared for an indicator that people score today (by its code):
    offered to staff, who adopt one in a new version; no version changes by itself."""
    if indicator.method == Method.COMPUTED:
        return []
    return [m for m in metrics.all_metrics() if indicator.code in m.assesses and m.by_union]


class SchemeListView(ScopedListView):
    model = Scheme
    table_class = SchemeTable
    filterset_class = SchemeFilter
    title = _("Assessment schemes")


class SchemeDetailView(RecordDetailView):
    model = Scheme
    template_name = "standards/scheme_detail.html"

    def get_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [SCHEMES_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        loaded = load_scheme(self.object.pk)
        for dimension in loaded.dimensions:
            for indicator in dimension.loaded_indicators:
                indicator.figure = metrics.get(indicator.metric) if indicator.metric else None
                indicator.offered = offered_figures(indicator)
        context["dimensions"] = loaded.dimensions
        context["grade_rules"] = loaded.grade_rules
        context["veto_items"] = self.object.veto_items.all()
        context["may_manage"] = may_manage_shared_data(self.request.user)
        context["frozen"] = frozen_reason(self.object)
        context["newer"] = getattr(self.object, "next_version", None)
        return context
