"""The ranking of unions in a period, a union's scorecard, and the full recompute."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import may_manage_shared_data
from cohesion_portal.views import (
    ScopedDetailView,
    ScopedListView,
    ScopedObjectFormView,
)

from ..filters import RankingFilter
from ..forms import RecomputeForm
from ..metrics import grade_series
from ..models import Indicator, Period, Scorecard, ScoringRun
from ..scoring import BASIS
from ..selectors import ranks_by_total, short_of_next_grade
from ..services import recompute_request
from ..tables import RankingTable

RANKING_CRUMB = (_("Ranking"), reverse_lazy("standards:ranking"))


class RankingView(ScopedListView):
    model = Scorecard
    table_class = RankingTable
    filterset_class = RankingFilter
    title = _("Ranking")
    template_name = "standards/ranking.html"

    def get_queryset(self):
        return super().get_queryset().counted().select_related("union")

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        # The rank among all the scorecards of the period in the user's area, whatever the
        # filters show: one more than those with a higher total.
        table.ranks = ranks_by_total(Scorecard.objects.counted().for_user(self.request.user))
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
