"""The tables of the 月报 list and of the submission status page."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from unions.models import Union

from .models import MonthlyReport
from .models import MonthlyReportStatus as Status
from .selectors.monthly import (
    NOT_STARTED,
    OUTSTANDING_STATES,
    STATE_CHOICES,
    is_late,
)

TODAY = timezone.localdate

STATE_BADGES = {
    NOT_STARTED: "text-bg-light border",
    Status.DRAFT: "text-bg-secondary",
    Status.SUBMITTED: "text-bg-warning",
    Status.RETURNED: "text-bg-danger",
    Status.ACCEPTED: "text-bg-success",
}


def state_badge(state) -> str:
    return format_html(
        '<span class="badge {}">{}</span>',
        STATE_BADGES.get(state, "text-bg-light"),
        dict(STATE_CHOICES).get(state, state),
    )


class MonthlyReportTable(tables.Table):
    month = tables.DateColumn(
        format="YEAR_MONTH_FORMAT", linkify=lambda record: record.get_absolute_url()
    )
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    status = tables.Column()
    submitted_at = tables.DateTimeColumn(format="SHORT_DATETIME_FORMAT", default="—")
    reviewed_at = tables.DateTimeColumn(format="SHORT_DATETIME_FORMAT", default="—")

    class Meta:
        model = MonthlyReport
        fields = ("month", "union", "status", "submitted_at", "reviewed_at")
        order_by = ("-month",)
        empty_text = _("No monthly report matches.")

    def render_status(self, record):
        return state_badge(record.status)


class SubmissionTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Union"), attrs={"td": {"class": "wrap"}}, order_by=("path",)
    )
    industry_union = tables.Column(
        verbose_name=_("industry union"), accessor="industry_union__short_name"
    )
    state = tables.Column(verbose_name=_("status"))
    submitted_at = tables.DateTimeColumn(
        verbose_name=_("submitted at"), format="SHORT_DATETIME_FORMAT", default="—"
    )
    action = tables.Column(verbose_name="", empty_values=(), orderable=False)

    class Meta:
        model = Union
        fields = ("name", "industry_union", "state", "submitted_at")
        order_by = ("name",)
        empty_text = _("No grassroots union matches.")

    def __init__(self, *args, month=None, may_remind=False, csrf_token="", **kwargs):
        super().__init__(*args, **kwargs)
        self.month, self.may_remind, self.csrf_token = month, may_remind, csrf_token

    def render_name(self, record, value):
        if record.report_id:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("reports:monthly_detail", args=[record.report_id]),
                value,
            )
        return value

    def render_state(self, record, value):
        badge = state_badge(value)
        if self.month is not None and is_late(
            self.month, record.submitted_at if value not in OUTSTANDING_STATES else None, TODAY()
        ):
            late = format_html('<span class="badge text-bg-danger ms-1">{}</span>', _("late"))
            return format_html("{}{}", badge, late)
        return badge

    def render_action(self, record):
        parts = []
        if record.report_id and record.state == Status.SUBMITTED and self.may_remind:
            parts.append(
                format_html(
                    '<a class="btn btn-sm btn-primary" href="{}">{}</a>',
                    reverse("reports:monthly_review", args=[record.report_id]),
                    _("Review"),
                )
            )
        if record.state in OUTSTANDING_STATES and self.may_remind:
            parts.append(
                format_html(
                    '<form method="post" action="{}" class="d-inline">'
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                    '<button type="submit" class="btn btn-sm btn-outline-secondary">'
                    '<i class="bi bi-bell me-1"></i>{}</button></form>',
                    f"{reverse('reports:monthly_remind')}?"
                    f"{urlencode({'month': f'{self.month:%Y-%m}', 'union': record.pk})}",
                    self.csrf_token,
                    _("Send a reminder"),
                )
            )
        return format_html(" ".join(["{}"] * len(parts)), *parts) if parts else ""
