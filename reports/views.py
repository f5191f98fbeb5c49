from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohesion_portal.views import PortalViewMixin

from .dashboard import industry_dashboard
from .home import oversees_industry, workbench


class DashboardView(PortalViewMixin, TemplateView):
    """The industry dashboard: the plan's targets, what needs attention, grades, where each
    union stands. Everything in the user's area; every number links to the records behind it."""

    template_name = "reports/dashboard.html"
    title = _("Industry dashboard")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        dashboard = industry_dashboard(self.request.user, today)
        context["dashboard"] = dashboard
        context["today"] = today
        context["charts"] = {
            "treemap": dashboard.treemap,
            "recruits": dashboard.recruits_by_month,
            "labels": {"recruits": str(_("Recruits")), "score": str(_("Score"))},
        }
        return context


class HomeView(PortalViewMixin, TemplateView):
    """The home page: the industry dashboard for those who oversee an industry union (staff,
    leadership, superusers), the workbench for everyone else."""

    template_name = "portal/home.html"
    title = _("Workbench")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and oversees_industry(request.user):
            return DashboardView.as_view()(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(workbench(self.request.user, timezone.localdate()))
        return context
