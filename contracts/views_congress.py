"""Pages of the workers' congresses (职代会) and their sessions, with T6."""

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE, can_change_anything
from cohesion_portal.fields import LARGEST_INTEGER, RecordsChoiceField
from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.validators import not_in_future
from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedListView,
    ScopedObjectFormView,
    ScopedUpdateView,
    add_service_error,
)
from unions.fields import UnionChoiceField
from unions.filters import UnionSubtreeFilter
from unions.models import Enterprise, Union

from .metrics import congress_coverage
from .models import CongressLevel, CongressSystem
from .services import congress_errors, congress_save, session_add

CONGRESSES_CRUMB = (_("Workers' congresses"), reverse_lazy("contracts:congress_list"))
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CongressForm(forms.ModelForm):
    class Meta:
        model = CongressSystem
        fields = ("union", "level", "name", "enterprises", "established_on")
        field_classes = {"union": UnionChoiceField, "enterprises": RecordsChoiceField}
        widgets = {"established_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprises"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["enterprises"].widget.attrs["size"] = 8
        self.fields["established_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("union") and cleaned.get("level"):
            probe = CongressSystem(union=cleaned["union"], level=cleaned["level"])
            errors = congress_errors(congress=probe, enterprises=cleaned.get("enterprises") or [])
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=DATE, validators=[not_in_future])
    delegates_elected = forms.IntegerField(
        label=_("delegates elected"), min_value=1, max_value=LARGEST_INTEGER
    )
    delegates_present = forms.IntegerField(
        label=_("delegates present"), min_value=0, max_value=LARGEST_INTEGER
    )
    items = forms.CharField(label=_("items deliberated"), widget=forms.Textarea(attrs={"rows": 3}))
    resolutions = forms.CharField(
        label=_("resolutions and votes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CongressFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    level = django_filters.ChoiceFilter(label=_("level"), choices=CongressLevel.choices)
    union = UnionSubtreeFilter()
    overdue = django_filters.BooleanFilter(
        label=_("no session in 12 months"), method="filter_overdue", widget=yes_no()
    )

    class Meta:
        model = CongressSystem
        fields = ("q", "union", "level", "overdue")

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = CongressSystem.objects.overdue_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class CongressTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    union = tables.Column(attrs={"td": {"class": "wrap"}})
    enterprise_count = tables.Column(verbose_name=_("Enterprises"))
    last_session = tables.DateColumn(verbose_name=_("Last session"), default="—")

    class Meta:
        model = CongressSystem
        fields = ("name", "level", "union", "enterprise_count", "established_on", "last_session")
        order_by = ("name",)
        empty_text = _("No congress matches.")


class CongressListView(ScopedListView):
    model = CongressSystem
    table_class = CongressTable
    filterset_class = CongressFilter
    title = _("Workers' congresses")
    template_name = "contracts/congress_list.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union")
            .annotate(
                enterprise_count=Count("enterprises", distinct=True),
                last_session=Max("sessions__held_on"),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["t6"] = congress_coverage(timezone.localdate(), user=self.request.user)
        if can_change_anything(self.request.user):
            context["add_url"] = reverse("contracts:congress_create")
            context["add_label"] = _("Add a congress")
        return context


class CongressDetailView(RecordDetailView):
    model = CongressSystem
    template_name = "contracts/congress_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [CONGRESSES_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        congress = self.object
        context["sessions"] = congress.sessions.all()
        context["enterprises"] = congress.enterprises.order_by("name")
        context["session_form"] = SessionForm()
        return context


class CongressCreateView(ScopedCreateView):
    model = CongressSystem
    form_class = CongressForm
    title = _("Add a congress")
    success_message = _("%(object)s was added.")

    def get_breadcrumbs(self):
        return [CONGRESSES_CRUMB]

    def save(self, form):
        return congress_save(
            actor=self.request.user,
            congress=form.instance,
            enterprises=form.cleaned_data["enterprises"],
        )


class CongressUpdateView(ScopedUpdateView):
    model = CongressSystem
    form_class = CongressForm
    success_message = _("%(object)s was saved.")

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [CONGRESSES_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def save(self, form):
        return congress_save(
            actor=self.request.user,
            congress=form.instance,
            enterprises=form.cleaned_data["enterprises"],
        )


class SessionAddView(ScopedObjectFormView):
    model = CongressSystem
    form_class = SessionForm

    def get_title(self):
        return _("A session of %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [CONGRESSES_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def form_valid(self, form):
        try:
            session_add(actor=self.request.user, congress=self.object, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The session was recorded."))
        return HttpResponseRedirect(self.object.get_absolute_url())
