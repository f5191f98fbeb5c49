"""The reminders list's table."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Reminder


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
