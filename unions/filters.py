import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box
from cohesion_portal.text import normalize_code, normalize_text

from .fields import UnionChoiceField
from .models import Enterprise, IndustryUnion, Ownership, Sector, Union


def _scoped_unions(request):
    return Union.objects.for_user(request.user) if request else Union.objects.none()


def _scoped_industries(request):
    if request is None:
        return IndustryUnion.objects.none()
    ids = Union.objects.for_user(request.user).values("industry_union")
    return IndustryUnion.objects.filter(pk__in=ids)


class UnionModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = UnionChoiceField


class EnterpriseFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or credit code"))
    )
    industry_union = django_filters.ModelChoiceFilter(
        label=_("industry union"), queryset=_scoped_industries
    )
    union = UnionModelChoiceFilter(
        label=_("union (with its units)"), queryset=_scoped_unions, method="in_union_subtree"
    )
    unionized = django_filters.BooleanFilter(
        label=_("has a union"),
        field_name="union",
        lookup_expr="isnull",
        exclude=True,
        widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )
    ownership = django_filters.ChoiceFilter(label=_("ownership"), choices=Ownership.choices)
    sector = django_filters.ChoiceFilter(label=_("sector"), choices=Sector.choices)

    class Meta:
        model = Enterprise
        fields = ("q", "industry_union", "union", "unionized", "ownership", "sector")

    def search(self, queryset, name, value):
        text = normalize_text(value)
        return queryset.filter(
            Q(name__icontains=text) | Q(credit_code__icontains=normalize_code(value))
        )

    def in_union_subtree(self, queryset, name, union):
        return queryset.in_subtree_of(union) if union else queryset


class UnionFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Union, branch or group name"))
    )
    industry_union = django_filters.ModelChoiceFilter(
        label=_("industry union"), queryset=_scoped_industries
    )

    class Meta:
        model = Union
        fields = ("q", "industry_union")

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=normalize_text(value))
