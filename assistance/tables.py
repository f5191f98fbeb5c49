import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from unions.id_numbers import mask_id_number

from .models import (
    RUNNING,
    Aid,
    Appeal,
    AppealStatus,
    Campaign,
    HardshipFile,
    JobHelp,
    LegalCase,
    LegalWorkstation,
    Station,
)

STATUS_COLOURS = {
    AppealStatus.RECEIVED: "secondary",
    AppealStatus.ACCEPTED: "info",
    AppealStatus.IN_HAND: "warning",
    AppealStatus.ANSWERED: "success",
    AppealStatus.CLOSED: "light border",
}


class HardshipFileTable(tables.Table):
    name = tables.Column(linkify=True)
    id_number = tables.Column(verbose_name=_("ID number"), orderable=False)
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    grade = tables.Column(verbose_name=_("hardship grade"), order_by=("grade__order",))
    income_per_head = tables.Column(
        verbose_name=_("income per head"),
        accessor="household_income",
        orderable=False,
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}},
    )
    opened_on = tables.DateColumn(format="DATE_FORMAT")
    last_reviewed_on = tables.DateColumn(format="DATE_FORMAT", default="—")
    state = tables.Column(
        verbose_name=_("status"), accessor="closed_on", orderable=False, empty_values=()
    )

    class Meta:
        model = HardshipFile
        fields = ("name", "id_number", "union", "grade", "income_per_head", "opened_on")
        sequence = (*fields, "last_reviewed_on", "state")
        empty_text = _("No hardship file matches.")

    def render_id_number(self, value):
        return mask_id_number(value)

    def render_income_per_head(self, record):
        return f"{record.income_per_head:,.2f}"

    def render_state(self, record):
        if record.is_open:
            return format_html('<span class="badge text-bg-warning">{}</span>', _("on file"))
        return format_html(
            '<span class="badge text-bg-secondary">{}</span>', record.get_close_reason_display()
        )


class AppealTable(tables.Table):
    tracking_number = tables.Column(linkify=True)
    subject = tables.Column(attrs={"td": {"class": "wrap"}})
    category = tables.Column()
    union = tables.Column(
        verbose_name=_("responsible union"),
        attrs={"td": {"class": "wrap"}},
        order_by=("union__path",),
        empty_values=(),
    )
    received_on = tables.DateColumn(format="DATE_FORMAT")
    deadline = tables.DateColumn(format="DATE_FORMAT")
    status = tables.Column()

    class Meta:
        model = Appeal
        fields = ("tracking_number", "subject", "category", "union", "received_on", "deadline")
        sequence = (*fields, "status")
        empty_text = _("No appeal matches.")

    def render_union(self, record):
        return record.union or record.industry_union.short_name

    def render_status(self, record):
        overdue = record.status in RUNNING and record.deadline < timezone.localdate()
        badge = format_html(
            '<span class="badge text-bg-{}">{}</span>',
            STATUS_COLOURS[record.status],
            record.get_status_display(),
        )
        if overdue:
            return format_html(
                '{} <span class="badge text-bg-danger">{}</span>', badge, _("overdue")
            )
        return badge


class StationTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    kind = tables.Column()
    union = tables.Column(
        verbose_name=_("run by"),
        attrs={"td": {"class": "wrap"}},
        order_by=("union__path",),
        empty_values=(),
    )
    units = tables.Column(
        verbose_name=_("units covered"),
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}},
    )
    opened_on = tables.DateColumn(format="DATE_FORMAT")
    closed_on = tables.DateColumn(format="DATE_FORMAT", default="—")

    class Meta:
        model = Station
        fields = ("name", "kind", "union", "units", "opened_on", "closed_on")
        empty_text = _("No station or love supermarket matches.")

    def render_union(self, record):
        return record.union or record.industry_union.short_name


MONEY_CELL = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


class AidTable(tables.Table):
    recipient = tables.Column(
        verbose_name=_("recipient"), linkify=True, accessor="name", order_by=("name",)
    )
    id_number = tables.Column(verbose_name=_("ID number"), orderable=False)
    programme = tables.Column()
    union = tables.Column(
        verbose_name=_("union giving it"),
        attrs={"td": {"class": "wrap"}},
        order_by=("union__path",),
    )
    value = tables.Column(
        verbose_name=_("value (yuan)"),
        accessor="cash",
        orderable=False,
        empty_values=(),
        attrs=MONEY_CELL,
    )
    given_on = tables.DateColumn(format="DATE_FORMAT")
    campaign = tables.Column(default="—", attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Aid
        fields = ("recipient", "id_number", "programme", "union", "value", "given_on", "campaign")
        empty_text = _("No aid record matches.")

    def render_recipient(self, record):
        return record.recipient

    def render_id_number(self, value):
        return mask_id_number(value) if value else "—"

    def render_value(self, record):
        return f"{record.value:,.2f}"


class CampaignTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    programme = tables.Column()
    industry_union = tables.Column(accessor="industry_union__short_name")
    starts_on = tables.DateColumn(format="DATE_FORMAT")
    ends_on = tables.DateColumn(format="DATE_FORMAT")
    budget = tables.Column(attrs=MONEY_CELL)

    class Meta:
        model = Campaign
        fields = ("name", "programme", "industry_union", "starts_on", "ends_on", "budget")
        empty_text = _("No campaign matches.")

    def render_budget(self, value):
        return f"{value:,.2f}"


class WorkstationTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    union = tables.Column(
        verbose_name=_("run by"),
        attrs={"td": {"class": "wrap"}},
        order_by=("union__path",),
        empty_values=(),
    )
    lawyers = tables.Column(attrs={"td": {"class": "wrap"}})
    case_count = tables.Column(verbose_name=_("cases"), attrs=MONEY_CELL)
    opened_on = tables.DateColumn(format="DATE_FORMAT")

    class Meta:
        model = LegalWorkstation
        fields = ("name", "union", "lawyers", "case_count", "opened_on")
        empty_text = _("No workstation matches.")

    def render_union(self, record):
        return record.union or record.industry_union.short_name


class LegalCaseTable(tables.Table):
    name = tables.Column(linkify=True)
    employer = tables.Column(attrs={"td": {"class": "wrap"}})
    dispute = tables.Column()
    stage = tables.Column()
    outcome = tables.Column()
    recovered = tables.Column(attrs=MONEY_CELL)
    opened_on = tables.DateColumn(format="DATE_FORMAT")

    class Meta:
        model = LegalCase
        fields = ("name", "employer", "dispute", "stage", "outcome", "recovered", "opened_on")
        empty_text = _("No legal aid case matches.")

    def render_recovered(self, value):
        return f"{value:,.2f}"


class JobHelpTable(tables.Table):
    name = tables.Column(linkify=True)
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    kind = tables.Column()
    provider = tables.Column(attrs={"td": {"class": "wrap"}})
    started_on = tables.DateColumn(format="DATE_FORMAT")
    outcome = tables.Column()

    class Meta:
        model = JobHelp
        fields = ("name", "union", "kind", "provider", "started_on", "outcome")
        empty_text = _("No job help matches.")
