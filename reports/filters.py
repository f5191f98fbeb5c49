"""The filter bars of the 月报 list and of the submission status page."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box
from unions.filters import UnionSubtreeFilter
from unions.models import Union

from .models import MonthlyReport
from .models import MonthlyReportStatus as Status
from .selectors.monthly import (
    FILTER_CHOICES,
    filter_state,
    parse_month,
    report_month_default,
)


class MonthFilter(django_filters.CharFilter):
    """A month (<input type="month">, "2026-10")."""

    field_class = forms.CharField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("month"))
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "month"}))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        month = parse_month(value)
        return queryset.filter(**{self.field_name: month}) if month else queryset


class MonthlyReportFilter(PortalFilterSet):
    month = MonthFilter()
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    union = UnionSubtreeFilter(label=_("union"))

    class Meta:
        model = MonthlyReport
        fields = ("month", "status", "union")


def default_month():
    return f"{report_month_default(timezone.localdate()):%Y-%m}"


class SubmissionFilter(PortalFilterSet):
    month = django_filters.CharFilter(
        label=_("month"), method="keep", widget=forms.DateInput(attrs={"type": "month"})
    )
    state = django_filters.ChoiceFilter(
        label=_("status"), choices=FILTER_CHOICES, method="filter_by_state", empty_label=_("all")
    )
    name = django_filters.CharFilter(
        label=_("union"),
        field_name="name",
        lookup_expr="icontains",
        widget=search_box(_("name of the union")),
    )

    class Meta:
        model = Union
        fields = ("month", "state", "name")

    defaults = {"month": default_month}

    def keep(self, queryset, name, value):
        return queryset  # the view reads the month: it decides what the rows are annotated with

    def filter_by_state(self, queryset, name, value):
        return filter_state(queryset, value)
