import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from unions.filters import UnionSubtreeFilter
from unions.models import Union

from .models import (
    Assessment,
    AssessmentStatus,
    Grade,
    Period,
    Plan,
    Scheme,
    Scorecard,
    Survey,
)
from .periods import latest_period


class NameFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )


class PlanFilter(NameFilter):
    class Meta:
        model = Plan
        fields = ("q",)


class SchemeFilter(NameFilter):
    class Meta:
        model = Scheme
        fields = ("q",)


class SurveyFilter(PortalFilterSet):
    period = django_filters.ModelChoiceFilter(label=_("period"), queryset=Period.objects.all())
    union = UnionSubtreeFilter()

    class Meta:
        model = Survey
        fields = ("period", "union")


class AssessmentFilter(PortalFilterSet):
    period = django_filters.ModelChoiceFilter(label=_("period"), queryset=Period.objects.all())
    status = django_filters.ChoiceFilter(label=_("status"), choices=AssessmentStatus.choices)
    union = UnionSubtreeFilter()

    class Meta:
        model = Assessment
        fields = ("period", "status", "union")


class RecruitmentFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Union"))
    )
    behind = django_filters.BooleanFilter(label=_("behind its share"), widget=yes_no())

    class Meta:
        model = Union
        fields = ("q", "behind")


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
