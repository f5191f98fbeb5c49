import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import CollectiveContract, ContractStatus

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

    class Meta:
        model = CollectiveContract
        fields = (
            "title",
            "kind",
            "union",
            "enterprise_count",
            "signed_on",
            "effective_from",
            "effective_to",
            "status",
        )
        order_by = ("-signed_on",)
        empty_text = _("No contract matches.")

    def render_status(self, record):
        status = ContractStatus(record.status_on(timezone.localdate()))
        css = STATUS_BADGES.get(status, "text-bg-light border")
        return format_html('<span class="badge {}">{}</span>', css, status.label)
