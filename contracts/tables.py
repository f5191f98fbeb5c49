import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (
    REPLY_DAYS,
    CollectiveContract,
    CongressSystem,
    ContractStatus,
    Disclosure,
    NegotiationOffer,
)

STATUS_BADGES = {
    ContractStatus.IN_FORCE: "text-bg-success",
    ContractStatus.EXPIRED: "text-bg-secondary",
}


class ContractTable(tables.Table):
    title = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    union = tables.Column(attrs={"td": {"class": "wrap"}})
    enterprise_count = tables.Column(
        verbose_name=_("Enterprises"), attrs={"td": {"class": "text-end"}}
    )
    status = tables.Column(verbose_name=_("Status"), empty_values=(), orderable=False)
    term = tables.Column(
        verbose_name=_("term of validity"),
        accessor="effective_to",
        order_by=("effective_to", "effective_from"),
        empty_values=(),
    )

    class Meta:
        model = CollectiveContract
        fields = (
            "title",
            "kind",
            "union",
            "enterprise_count",
            "signed_on",
            "term",
            "status",
        )
        order_by = ("-signed_on",)
        empty_text = _("No contract matches.")

    def render_term(self, record):
        return render_to_string("contracts/partials/term.html", {"contract": record})

    def render_status(self, record):
        status = ContractStatus(record.status_on(timezone.localdate()))
        css = STATUS_BADGES.get(status, "text-bg-light border")
        return format_html('<span class="badge {}">{}</span>', css, status.label)


class CongressTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    union = tables.Column(attrs={"td": {"class": "wrap"}})
    enterprise_count = tables.Column(verbose_name=_("Enterprises"))
    last_session = tables.DateColumn(verbose_name=_("Last session"), default="—")

    class Meta:
        model = CongressSystem
        fields = ("name", "level", "union", "enterprise_count", "established_on", "last_session")
        order_by = ("name",)
        empty_text = _("No congress matches.")


class DisclosureTable(tables.Table):
    title = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    enterprise = tables.Column(attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Disclosure
        fields = ("title", "topic", "enterprise", "disclosed_on", "channel")
        order_by = ("-disclosed_on",)
        empty_text = _("No disclosure matches.")


class OfferTable(tables.Table):
    subject = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    enterprise = tables.Column(attrs={"td": {"class": "wrap"}})
    reply_state = tables.Column(verbose_name=_("Reply"), empty_values=(), orderable=False)

    class Meta:
        model = NegotiationOffer
        fields = ("subject", "enterprise", "union", "sent_on", "replied_on", "reply_state")
        order_by = ("-sent_on",)
        empty_text = _("No offer matches.")

    def render_reply_state(self, record):
        if record.replied_on:
            return record.get_reply_display()
        if record.is_overdue(timezone.localdate()):
            return format_html(
                '<span class="badge text-bg-danger">{}</span>',
                _("no reply within %(days)d days") % {"days": REPLY_DAYS},
            )
        return format_html(
            '<span class="badge text-bg-light border">{}</span>',
            _("due %(date)s") % {"date": record.reply_due.isoformat()},
        )
