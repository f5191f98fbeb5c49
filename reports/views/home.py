from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohesion_portal.views import PortalViewMixin

from ..forms import DashboardFilterForm
from ..selectors.dashboard import industry_dashboard
from ..selectors.home import oversees_industry, workbench


class DashboardView(PortalViewMixin, TemplateView):
    """The industry dashboard: the plan's targets, what needs attention, grades, where each
    union stands. Everything in the user's area; every number links to the records behind it."""

    template_name = "reports/dashboard.html"
    title = _("Industry dashboard")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        user = self.request.user
        form = DashboardFilterForm(self.request.GET, user=user, today=today)
        dashboard = industry_dashboard(user, today, **form.chosen())
        context["dashboard"] = dashboard
        context["filter_form"] = form
        context["narrowed_to"] = form.narrowed_to()
        context["today"] = today
        # The ranking behind the grades: the period chosen, in the area chosen.
        if dashboard.period:
            context["ranking_url"] = dashboard.link(dashboard.period.get_absolute_url())
        context["plan_url"] = (
            dashboard.link(dashboard.plan.get_absolute_url()) if dashboard.plan else None
        )
        context["cards"] = [
            (state, self.card_url(state, dashboard, context["plan_url"], today))
            for state in dashboard.targets
        ]
        context["charts"] = {
            "treemap": dashboard.treemap,
            "recruits": dashboard.recruits_by_month,
            "grades": dashboard.grade_trend,
            "labels": {
                "recruits": str(_("Recruits")),
                "cumulative": str(_("Since the plan began")),
                "pace": str(_("Pace the target asks for")),
                "score": str(_("Score")),
                "no_grade": str(_("no grade")),
            },
        }
        return context

    @staticmethod
    def card_url(state, dashboard, plan_url, today) -> str:
        """A card opens the records behind its figure in the dashboard's area; a figure with no
        list of its own (or no data yet) opens its target on the plan's page."""
        metric = state.metric
        if metric is not None and metric.records_url is not None:
            return dashboard.link(metric.records_url(None, dashboard.plan.starts_on, today))
        return f"{plan_url}#target-{state.target.code}"


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
