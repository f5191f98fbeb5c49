"""The ranking of unions in a period, a union's scorecard, and the full recompute."""

from collections import defaultdict
from decimal import Decimal

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import may_manage_shared_data
from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.templatetags.portal import figure
from cohesion_portal.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedObjectFormView,
)

from .metrics import grade_series
from .models import GRADE_ORDER, Grade, Indicator, Period, Scorecard, ScoringRun
from .periods import latest_period
from .run_services import recompute_request
from .scoring import BASIS

RANKING_CRUMB = (_("Ranking"), reverse_lazy("standards:ranking"))


class RankingFilter(PortalFilterSet):
    period = django_filters.ModelChoiceFilter(
        label=_("period"), queryset=Period.objects.all(), empty_label=None
    )
    q = django_filters.CharFilter(
        label=_("Search"),
        field_name="union__name",
        lookup_expr="icontains",
        widget=search_box(_("Union")),
    )
    grade = django_filters.ChoiceFilter(label=_("grade"), choices=Grade.choices[1:])
    trusted_home = django_filters.BooleanFilter(label=_("trusted home"), widget=yes_no())

    class Meta:
        model = Scorecard
        fields = ("period", "q", "grade", "trusted_home")

    # The latest period unless one is asked for.
    defaults = {"period": lambda: getattr(latest_period(timezone.localdate()), "pk", None)}


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

    def render_final(self, value):
        return _("final") if value else _("provisional")


class RankingView(ScopedListView):
    model = Scorecard
    table_class = RankingTable
    filterset_class = RankingFilter
    title = _("Ranking")
    template_name = "standards/ranking.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        # The rank among all the scorecards of the period in the user's area, whatever the
        # filters show: one more than those with a higher total.
        table.ranks = ranks_by_total(Scorecard.objects.for_user(self.request.user))
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        period = form.cleaned_data.get("period") if form.is_valid() else None
        context["period"] = period
        context["series"] = grade_series(self.request.user)
        if period is not None and may_manage_shared_data(self.request.user):
            context["recompute_url"] = reverse("standards:recompute", args=[period.pk])
            context["run"] = period.runs.first()
        return context


def ranks_by_total(scorecards) -> dict[tuple[int, Decimal], int]:
    """{(period id, total): rank} of `scorecards`: one more than those of the period with a
    higher total (equal totals share a place). One query over the distinct totals."""
    counts = defaultdict(list)
    rows = scorecards.order_by().values_list("period", "total").annotate(n=Count("pk"))
    for period, total, n in rows:
        counts[period].append((total, n))
    ranks = {}
    for period, totals in counts.items():
        higher = 0
        for total, n in sorted(totals, reverse=True):
            ranks[(period, total)] = higher + 1
            higher += n
    return ranks


class ScorecardDetailView(ScopedDetailView):
    model = Scorecard
    template_name = "standards/scorecard.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "period__scheme")

    def get_title(self):
        return _("Scorecard of %(union)s, %(period)s") % {
            "union": self.object.union.name,
            "period": self.object.period.name,
        }

    def get_breadcrumbs(self):
        url = f"{reverse('standards:ranking')}?period={self.object.period_id}"
        return [(_("Ranking"), url)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scorecard = self.object
        by_dimension = {d["code"]: {**d, "lines": []} for d in scorecard.dimensions}
        indicators = Indicator.objects.in_bulk([line["indicator"] for line in scorecard.lines])
        for line in scorecard.lines:
            indicator = indicators.get(line["indicator"])
            figure = metrics.get(indicator.metric) if indicator else None
            by_dimension[line["dimension"]]["lines"].append(
                {
                    **line,
                    "name": indicator.name if indicator else line["code"],
                    "method": indicator.method if indicator else "",
                    "basis_label": BASIS.get(line["basis"], line["basis"]),
                    "unit": figure.unit if figure else "",
                    "records_url": figure.records_url(
                        scorecard.union_id, scorecard.period.starts_on, scorecard.period.ends_on
                    )
                    if figure and figure.records_url
                    else None,
                }
            )
        context["dimensions"] = list(by_dimension.values())
        context["short_of"] = short_of_next_grade(scorecard)
        return context


def short_of_next_grade(scorecard) -> dict | None:
    """What keeps the scorecard from the next grade up: the total, or dimensions below the
    share that grade asks of each (a union with more points may hold a lower grade)."""
    rules = sorted(
        scorecard.period.scheme.grade_rules.all(), key=lambda rule: GRADE_ORDER[Grade(rule.grade)]
    )
    current = GRADE_ORDER[Grade(scorecard.grade)]
    above = [rule for rule in rules if GRADE_ORDER[Grade(rule.grade)] > current]
    if not above or scorecard.vetoes:
        return None
    rule = above[0]
    low = [d for d in scorecard.dimensions if Decimal(d["share"]) < rule.min_dimension_share]
    return {
        "grade": rule.grade,
        "total": rule.min_total if scorecard.total < rule.min_total else None,
        "share": rule.min_dimension_share,
        "dimensions": low,
    }


class RecomputeForm(forms.Form):
    pass


class RecomputeView(ScopedObjectFormView):
    """Industry staff recompute every scorecard of a period; the page shows the progress."""

    model = Period
    form_class = RecomputeForm
    template_name = "standards/recompute.html"

    def get_title(self):
        return _("Recompute the scorecards of %(period)s") % {"period": self.object.name}

    def get_breadcrumbs(self):
        return [RANKING_CRUMB]

    def form_valid(self, form):
        _run, created = recompute_request(actor=self.request.user, period=self.object)
        if not created:
            messages.info(self.request, _("A recompute of this period is already under way."))
        return HttpResponseRedirect(f"{reverse('standards:ranking')}?period={self.object.pk}")


class RunStatusView(ScopedDetailView):
    """The progress of a recompute, polled by the ranking page (htmx) until it ends; a stalled
    one offers to recompute again."""

    model = ScoringRun
    template_name = "standards/partials/run_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["run"] = self.object
        context["polled"] = True
        if may_manage_shared_data(self.request.user):
            context["recompute_url"] = reverse("standards:recompute", args=[self.object.period_id])
        return context
