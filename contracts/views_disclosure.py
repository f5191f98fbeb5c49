"""Pages of affairs disclosure (厂务公开)."""

import django_filters
import django_tables2 as tables
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import can_change_anything
from cohesion_portal.filters import PortalFilterSet, search_box
from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedListView,
    ScopedUpdateView,
)
from unions.filters import UnionSubtreeFilter

from .forms_records import DisclosureForm
from .models import Disclosure, DisclosureChannel, DisclosureTopic
from .services import disclosure_save

DISCLOSURES_CRUMB = (_("Affairs disclosure"), reverse_lazy("contracts:disclosure_list"))


class DisclosureFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Title or enterprise"))
    )
    union = UnionSubtreeFilter()
    topic = django_filters.ChoiceFilter(label=_("topic"), choices=DisclosureTopic.choices)
    channel = django_filters.ChoiceFilter(label=_("form"), choices=DisclosureChannel.choices)
    year = django_filters.NumberFilter(
        label=_("year"), field_name="disclosed_on", lookup_expr="year"
    )

    class Meta:
        model = Disclosure
        fields = ("q", "union", "topic", "channel", "year")

    def search(self, queryset, name, value):
        return queryset.filter(title__icontains=value) | queryset.filter(
            enterprise__name__icontains=value
        )


class DisclosureTable(tables.Table):
    title = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    enterprise = tables.Column(attrs={"td": {"class": "wrap"}})

    class Meta:
        model = Disclosure
        fields = ("title", "topic", "enterprise", "disclosed_on", "channel")
        order_by = ("-disclosed_on",)
        empty_text = _("No disclosure matches.")


class DisclosureListView(ScopedListView):
    model = Disclosure
    table_class = DisclosureTable
    filterset_class = DisclosureFilter
    title = _("Affairs disclosure")

    def get_queryset(self):
        return super().get_queryset().select_related("enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_change_anything(self.request.user):
            context["add_url"] = reverse("contracts:disclosure_create")
            context["add_label"] = _("Record a disclosure")
        return context


class DisclosureDetailView(RecordDetailView):
    model = Disclosure
    template_name = "contracts/disclosure_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_title(self):
        return self.object.title

    def get_breadcrumbs(self):
        return [DISCLOSURES_CRUMB]


class DisclosureCreateView(ScopedCreateView):
    model = Disclosure
    form_class = DisclosureForm
    title = _("Record a disclosure")
    success_message = _("%(object)s was added.")

    def get_breadcrumbs(self):
        return [DISCLOSURES_CRUMB]

    def save(self, form):
        return disclosure_save(actor=self.request.user, disclosure=form.instance)


class DisclosureUpdateView(ScopedUpdateView):
    model = Disclosure
    form_class = DisclosureForm
    success_message = _("%(object)s was saved.")

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.title}

    def get_breadcrumbs(self):
        return [DISCLOSURES_CRUMB, (self.object.title, self.object.get_absolute_url())]

    def save(self, form):
        return disclosure_save(actor=self.request.user, disclosure=form.instance)
