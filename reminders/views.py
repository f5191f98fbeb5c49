"""The reminder list (the notification list) and marking a reminder as handled."""

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cohesion_portal import reminder_rules
from cohesion_portal.access import can_change_anything
from cohesion_portal.filters import PortalFilterSet
from cohesion_portal.views import ScopedListView, ScopedObjectFormView

from .models import Reminder
from .services import reminder_mark_handled


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


class ReminderTable(tables.Table):
    label = tables.Column(verbose_name=_("Reminder"), empty_values=(), orderable=False)
    subject = tables.Column(linkify=lambda record: record.url, attrs={"td": {"class": "wrap"}})
    union = tables.Column(attrs={"td": {"class": "wrap"}})
    due_on = tables.DateColumn(default="—")
    action = tables.Column(verbose_name="", empty_values=(), orderable=False)

    class Meta:
        model = Reminder
        fields = ("label", "subject", "union", "due_on", "created_at")
        order_by = ("due_on",)
        empty_text = _("Nothing is due. Well done.")

    def render_label(self, record):
        return format_html('<i class="bi {} me-1 text-warning"></i>{}', record.icon, record.label)

    def __init__(self, *args, may_handle=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_handle = may_handle

    def render_action(self, record):
        if record.closed_at:
            return format_html(
                '<span class="badge text-bg-light border">{}</span>',
                _("handled") if record.handled else _("no longer due"),
            )
        if not self.may_handle:
            return ""
        return format_html(
            '<a class="btn btn-sm btn-outline-secondary" href="{}">{}</a>',
            reverse("reminders:handled", args=[record.pk]),
            _("Mark as handled"),
        )


class ReminderListView(ScopedListView):
    model = Reminder
    table_class = ReminderTable
    filterset_class = ReminderFilter
    title = _("Reminders")

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_table_kwargs(self):
        # Read-only roles see reminders but cannot mark them (the view would refuse).
        return {"may_handle": can_change_anything(self.request.user)}


class MarkHandledForm(forms.Form):
    pass


class ReminderHandledView(ScopedObjectFormView):
    model = Reminder
    form_class = MarkHandledForm
    template_name = "reminders/mark_handled.html"

    def get_title(self):
        return _("Mark as handled")

    def get_breadcrumbs(self):
        return [(_("Reminders"), reverse("reminders:list"))]

    def form_valid(self, form):
        if reminder_mark_handled(actor=self.request.user, reminder=self.object):
            messages.success(self.request, _("The reminder was marked as handled."))
        else:
            messages.info(self.request, _("This reminder is already closed."))
        return HttpResponseRedirect(reverse("reminders:list"))
