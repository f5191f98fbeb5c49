"""Recruitment by grassroots union against its share of T1 (standards.shares)."""

from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import ScopedListView
from unions.models import Union

from ..filters import RecruitmentFilter
from ..shares import recruitment_standings, recruits_target
from ..tables import RecruitmentTable


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
