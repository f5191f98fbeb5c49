import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal import plan_periods
from cohesion_portal.access import EVERYTHING, Reader, scope_for
from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.text import normalize_code, normalize_text
from cohesion_portal.widgets import RecordPicker

from .fields import UnionChoiceField
from .metrics import new_generation_recruits
from .models import (
    NEW_GENERATION_BORN_FROM,
    Enterprise,
    IndustryUnion,
    Member,
    Membership,
    MemberStatus,
    Ownership,
    Sector,
    Union,
)
from .selectors import enterprises_matching, union_labels, unions_named


def scoped_unions(request):
    return Union.objects.for_user(request.user) if request else Union.objects.none()


def _scoped_industries(request):
    if request is None:
        return IndustryUnion.objects.none()
    ids = Union.objects.for_user(request.user).values("industry_union")
    return IndustryUnion.objects.filter(pk__in=ids)


def drop_single_industry_filter(filterset):
    """A choice of one industry union is no choice: leave the filter out."""
    scope = scope_for(filterset.request.user) if filterset.request else None
    if scope is None or not (scope.everything or len(scope.industry_union_ids) > 1):
        filterset.filters.pop("industry_union", None)
        filterset.form.fields.pop("industry_union", None)


class UnionSubtreeFilter(django_filters.ModelChoiceFilter):
    """A union in the user's scope, found by typing its name (a staff member's scope holds
    thousands); the rows of it and of its branches and groups."""

    field_class = UnionChoiceField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("union (with its units)"))
        kwargs.setdefault("queryset", scoped_unions)
        kwargs.setdefault("widget", RecordPicker("unions:union_pick", describe=union_labels))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        return queryset.in_subtree_of(value) if value else queryset


class EnterpriseFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or credit code"))
    )
    industry_union = django_filters.ModelChoiceFilter(
        label=_("industry union"), queryset=_scoped_industries
    )
    union = UnionSubtreeFilter()
    unionized = django_filters.BooleanFilter(
        label=_("has a union"),
        field_name="union",
        lookup_expr="isnull",
        exclude=True,
        widget=yes_no(),
    )
    ownership = django_filters.ChoiceFilter(label=_("ownership"), choices=Ownership.choices)
    sector = django_filters.ChoiceFilter(label=_("sector"), choices=Sector.choices)

    class Meta:
        model = Enterprise
        fields = ("q", "industry_union", "union", "unionized", "ownership", "sector")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_single_industry_filter(self)

    def search(self, queryset, name, value):
        return enterprises_matching(queryset, value)


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        drop_single_industry_filter(self)

    def search(self, queryset, name, value):
        return unions_named(queryset, value)


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MemberFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=search_box(_("Name, card number or last 4 of the ID")),
    )
    union = UnionSubtreeFilter()
    enterprise = django_filters.CharFilter(
        label=_("enterprise"),
        field_name="enterprise__name",
        lookup_expr="icontains",
        widget=search_box(_("Enterprise name")),
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=MemberStatus.choices)
    is_migrant = django_filters.BooleanFilter(label=_("migrant worker"), widget=yes_no())
    new_generation = django_filters.BooleanFilter(
        label=_("new-generation migrant"),
        method="filter_new_generation",
        widget=yes_no(),
    )
    joined_from = django_filters.DateFilter(
        label=_("joined from"), field_name="joined_on", lookup_expr="gte", widget=DATE_INPUT
    )
    joined_until = django_filters.DateFilter(
        label=_("joined until"), field_name="joined_on", lookup_expr="lte", widget=DATE_INPUT
    )

    class Meta:
        model = Member
        fields = (
            "q",
            "union",
            "enterprise",
            "status",
            "is_migrant",
            "new_generation",
            "joined_from",
            "joined_until",
        )

    def search(self, queryset, name, value):
        text = normalize_text(value)
        code = normalize_code(value)
        condition = Q(name__icontains=text) | Q(card_number=text)
        if len(code) == 4:
            condition |= Q(id_number__endswith=code)
        return queryset.filter(condition)

    def filter_new_generation(self, queryset, name, value):
        if value is None:
            return queryset
        new_generation = Q(is_migrant=True, birth_date__gte=NEW_GENERATION_BORN_FROM)
        return queryset.filter(new_generation) if value else queryset.exclude(new_generation)


class RecruitFilter(PortalFilterSet):
    """T1's list: the recruits between two days (by default, from the start of the plan period
    to today), as unions.metrics.new_generation_recruits counts them."""

    defaults = {
        "since": lambda: plan_periods.start_on(timezone.localdate()),
        "until": timezone.localdate,
    }

    q = django_filters.CharFilter(label=_("Search"), method="search", widget=search_box(_("Name")))
    union = UnionSubtreeFilter(label=_("recruiting union (with its units)"))
    since = django_filters.DateFilter(
        label=_("joined from"), method="read_below", widget=DATE_INPUT
    )
    until = django_filters.DateFilter(
        label=_("joined until"), method="read_below", widget=DATE_INPUT
    )

    class Meta:
        model = Membership
        fields = ("q", "union", "since", "until")

    def read_below(self, queryset, name, value):
        return queryset  # (the days choose the recruits in filter_queryset)

    def search(self, queryset, name, value):
        return queryset.filter(member__name__icontains=normalize_text(value))

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        until = data.get("until") or timezone.localdate()
        since = data.get("since") or plan_periods.start_on(until)
        # (every union's recruits: the rows they narrow are in the user's scope already)
        recruits = new_generation_recruits(start=since, end=until, user=Reader(EVERYTHING))
        return super().filter_queryset(queryset.filter(pk__in=recruits.values("pk")))
