import django_filters
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box
from unions.filters import UnionSubtreeFilter

from .models import Period, Plan, Scheme, Survey


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
