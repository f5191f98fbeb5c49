"""Plans and where their targets stand."""

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal import area
from cohesion_portal.access import may_manage_shared_data
from cohesion_portal.views import RecordDetailView, ScopedListView

from ..filters import PlanFilter
from ..models import Plan
from ..tables import PlanTable
from ..targets import evaluate

PLANS_CRUMB = (_("Plans and targets"), reverse_lazy("standards:plan_list"))


class PlanListView(ScopedListView):
    model = Plan
    create_url_name = "standards:plan_create"
    create_label = _("Add a plan")

    def may_create(self):
        return may_manage_shared_data(self.request.user)  # (plans belong to no union)

    table_class = PlanTable
    filterset_class = PlanFilter
    title = _("Plans and targets")


class PlanDetailView(RecordDetailView):
    model = Plan
    template_name = "standards/plan_detail.html"

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [PLANS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["may_manage"] = may_manage_shared_data(self.request.user)
        # Narrowed as the dashboard's card that links here, where it was (cohesion_portal.area).
        reader = area.reader_from_request(self.request) or self.request.user
        context["area_narrowing"] = area.describe(
            area.area_from(self.request.GET), self.request.user
        )
        context["states"] = [
            evaluate(target, today=today, user=reader) for target in self.object.targets.all()
        ]
        return context
