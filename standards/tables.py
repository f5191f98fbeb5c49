import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.templatetags.portal import figure
from unions.models import Union

from .models import (
    Assessment,
    Plan,
    Scheme,
    Scorecard,
    Survey,
)
from .targets import STATUS_COLOURS, Status


class SchemeTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Scheme
        fields = (
            "name",
            "number",
            "total_points",
            "trusted_min_grade",
            "trusted_min_satisfaction",
        )
        empty_text = _("No scheme yet.")


class AssessmentTable(tables.Table):
    union = tables.Column(
        linkify=lambda record: record.get_absolute_url(), attrs={"td": {"class": "wrap"}}
    )

    class Meta:
        model = Assessment
        fields = ("union", "period", "status", "submitted_at", "inspected_at", "approved_at")
        order_by = ("union",)
        empty_text = _("No inspection matches.")


class PlanTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Plan
        fields = ("name", "document_number", "issued_by", "starts_on", "ends_on")
        order_by = ("-starts_on",)
        empty_text = _("No plan yet.")


def _number(value, places=1):
    return f"{value:.{places}f}".rstrip("0").rstrip(".") if value else "0"


class RecruitmentTable(tables.Table):
    name = tables.Column(
        verbose_name=_("union"),
        linkify=lambda record: record.get_absolute_url(),
        attrs={"td": {"class": "wrap"}},
    )
    migrants = tables.Column(
        verbose_name=_("migrant workers"),
        empty_values=(),
        orderable=False,
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}},
    )
    share = tables.Column(
        verbose_name=_("share of the target"),
        empty_values=(),
        orderable=False,
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}},
    )
    owed = tables.Column(
        verbose_name=_("owed by today"),
        empty_values=(),
        orderable=False,
        attrs={"td": {"class": "text-end"}, "th": {"class": "text-end"}},
    )
    done = tables.Column(
        verbose_name=_("recruited"),
        empty_values=(),
        orderable=False,
        attrs={"td": {"class": "text-end fw-semibold"}, "th": {"class": "text-end"}},
    )
    status = tables.Column(verbose_name=_("status"), empty_values=(), orderable=False)

    class Meta:
        model = Union
        fields = ("name",)
        order_by = ("name",)
        empty_text = _("No union matches.")

    def __init__(self, *args, standings=None, **kwargs):
        self.standings = standings or {}
        super().__init__(*args, **kwargs)

    def _of(self, record):
        return self.standings.get(record.pk)

    def render_migrants(self, record):
        standing = self._of(record)
        return f"{standing.migrants:,}" if standing else "—"

    def render_share(self, record):
        standing = self._of(record)
        return _number(standing.share) if standing else "—"

    def render_owed(self, record):
        standing = self._of(record)
        return _number(standing.owed) if standing else "—"

    def render_done(self, record):
        standing = self._of(record)
        return f"{standing.done:,}" if standing else "—"

    def render_status(self, record):
        standing = self._of(record)
        if not standing:
            return "—"
        status = Status(standing.status)
        return format_html(
            '<span class="badge text-bg-{}">{}</span>', STATUS_COLOURS[status], status.label
        )


class RankingTable(tables.Table):
    # Sorted by total, and the rank looked up from `ranks` (set by the view), not computed by
    # the database per row: a correlated count per scorecard cost 1.5 s at scale L.
    rank = tables.Column(
        verbose_name=_("Rank"),
        accessor="total",
        order_by=("-total", "union__name"),
        attrs={"td": {"class": "text-end"}},
    )
    union = tables.Column(
        linkify=lambda record: record.get_absolute_url(), attrs={"td": {"class": "wrap"}}
    )
    total = tables.Column(attrs={"td": {"class": "text-end fw-semibold"}})
    grade = tables.Column()
    trusted_home = tables.BooleanColumn(yesno=("✓", "—"))
    satisfaction = tables.Column(default="—", attrs={"td": {"class": "text-end"}})
    final = tables.Column(verbose_name=_("Result"))

    class Meta:
        model = Scorecard
        fields = ("rank", "union", "total", "grade", "trusted_home", "satisfaction", "final")
        order_by = ("rank",)
        empty_text = _("No scorecard for this period yet.")

    ranks: dict = {}  # {(period id, total): rank}

    def render_rank(self, record):
        return self.ranks.get((record.period_id, record.total), "—")

    def render_grade(self, value, record):
        css = "text-bg-primary" if record.grade else "text-bg-light border"
        return format_html('<span class="badge {}">{}</span>', css, value)

    def render_satisfaction(self, value):
        return figure(value, metrics.PERCENT)

    def render_final(self, value, record):
        if record.revising:
            return _("being revised")
        return _("final") if value else _("provisional")


class SurveyTable(tables.Table):
    union = tables.Column(
        linkify=lambda record: record.get_absolute_url(), attrs={"td": {"class": "wrap"}}
    )
    answers = tables.Column(verbose_name=_("Answers"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Survey
        fields = ("union", "period", "opens_on", "closes_on", "answers")
        order_by = ("-opens_on",)
        empty_text = _("No survey yet.")
