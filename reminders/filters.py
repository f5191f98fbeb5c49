"""The reminders list's filter bar: by kind and open or closed."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cohesion_portal import reminder_rules
from cohesion_portal.filters import PortalFilterSet

from .models import Reminder


def reminder_kinds():
    return [(rule.kind, str(rule.label) % {"stage": "…"}) for rule in reminder_rules.rules()]


class ReminderFilter(PortalFilterSet):
    kind = django_filters.ChoiceFilter(label=_("reminder kind"), choices=reminder_kinds)
    state = django_filters.ChoiceFilter(
        label=_("state"),
        choices=[("open", _("open")), ("closed", _("closed"))],
        method="filter_state",
        empty_label=_("all"),
    )

    class Meta:
        model = Reminder
        fields = ("kind", "state")

    defaults = {"state": "open"}  # open reminders unless the user asks otherwise

    def filter_state(self, queryset, name, value):
        return queryset.filter(closed_at__isnull=(value == "open"))
