"""Recruitment by grassroots union against its share of T1 (standards.shares)."""

import django_filters
import django_tables2 as tables
from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.views import ScopedListView
from unions.models import Union

from .shares import recruitment_standings, recruits_target
from .targets import STATUS_COLOURS, Status


class RecruitmentFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Union"))
    )
    behind = django_filters.BooleanFilter(label=_("behind its share"), widget=yes_no())

    class Meta:
        model = Union
        fields = ("q", "behind")


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


class RecruitmentView(ScopedListView):
    """Every grassroots union whose enterprises employ migrant workers: its share of T1 (the
    target × its share of its industry union's migrant workers), what it owes by today, what it
    has recruited. "Behind" lists those the dashboard's attention list counts."""

    model = Union
    table_class = RecruitmentTable
    filterset_class = RecruitmentFilter
    title = _("Recruitment against each union's share (T1)")
    template_name = "standards/recruitment.html"

    def standings(self):
        if not hasattr(self, "_standings"):
            self._standings = recruitment_standings(timezone.localdate(), user=self.request.user)
        return self._standings

    def get_queryset(self):
        standings = self.standings()
        behind = [pk for pk, standing in standings.items() if standing.behind]
        return (
            super()
            .get_queryset()
            .filter(parent__isnull=True, pk__in=list(standings))
            .annotate(
                behind=Case(
                    When(pk__in=behind, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
                if behind
                else Value(False, output_field=BooleanField())
            )
        )

    def get_table_kwargs(self):
        return {"standings": self.standings()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["target"] = recruits_target(timezone.localdate(), user=self.request.user)
        return context
