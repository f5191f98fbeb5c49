"""The history page (变更与查看记录): who changed or saw what, and when, in the reader's area.
For industry staff and superusers, who answer for their unions' records."""

import datetime

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohesion_portal.access import APPROVE, scope_for
from cohesion_portal.views import PortalViewMixin, RequiresChangeMixin

from ..forms import HistoryFilterForm
from ..selectors.history import history_page


def parse_cursor(value: str):
    """'2026-11-29T08:00:00.123456+00:00|3|42' → (time, source, row); None for anything else."""
    try:
        at, source, row = value.split("|")
        moment = datetime.datetime.fromisoformat(at)
        if moment.tzinfo is None:
            return None
        return moment, int(source), int(row)
    except ValueError:
        return None


class HistoryView(RequiresChangeMixin, PortalViewMixin, TemplateView):
    required_action = APPROVE
    template_name = "reports/history.html"
    title = _("Changes and showings of personal data")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = HistoryFilterForm(self.request.GET or None, user=self.request.user)
        cursor = parse_cursor(self.request.GET.get("after", ""))
        entries, next_cursor = history_page(
            scope_for(self.request.user, APPROVE),
            form.filters(),
            cursor,
            permissions=self.request.user.get_all_permissions(),
        )
        context["form"] = form
        context["entries"] = entries
        if next_cursor is not None:
            query = self.request.GET.copy()
            at, source, row = next_cursor
            query["after"] = f"{at.isoformat()}|{source}|{row}"
            context["next_url"] = f"?{query.urlencode()}"
        context["first_url"] = (
            f"?{urlencode({k: v for k, v in self.request.GET.items() if k != 'after'})}"
            if cursor
            else ""
        )
        return context
