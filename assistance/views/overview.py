"""Assistance at a glance: a year's figures in the user's scope, for every role (no names)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohesion_portal.access import scope_for
from cohesion_portal.params import parse_id
from cohesion_portal.views import PortalViewMixin

from ..overview import overview

YEARS_SHOWN = 5


class OverviewView(PortalViewMixin, TemplateView):
    template_name = "assistance/overview.html"
    title = _("Assistance at a glance")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        years = list(range(today.year, today.year - YEARS_SHOWN, -1))
        year = parse_id(self.request.GET.get("year"))
        year = year if year in years else today.year
        context["years"] = years
        context["scope_is_empty"] = scope_for(self.request.user).is_empty
        context["overview"] = overview(self.request.user, year, today)
        return context
