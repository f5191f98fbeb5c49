"""Pages of assistance stations and love supermarkets (帮扶站, 爱心超市): no personal data, so
in the plain scope (no assistance permission needed)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)

from ..filters import StationFilter
from ..forms import StationActivityForm, StationForm
from ..models import Station
from ..services.stations import activity_add, station_save
from ..tables import StationTable

STATIONS_CRUMB = (_("Stations and love supermarkets"), reverse_lazy("assistance:station_list"))


class StationListView(ScopedListView):
    model = Station
    create_url_name = "assistance:station_create"
    create_label = _("Add a station or love supermarket")
    table_class = StationTable
    filterset_class = StationFilter
    title = _("Stations and love supermarkets")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union", "industry_union")
            .annotate(units=Count("enterprises"))
        )


class StationDetailView(RecordDetailView):
    model = Station
    template_name = "assistance/station_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "industry_union")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [STATIONS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["units"] = self.object.enterprises.select_related("union").order_by("name")
        context["activities"] = self.object.activities.all()[:24]
        return context


class StationEditView(ScopedEditView):
    model = Station
    form_class = StationForm
    add_title = _("Add a station or love supermarket")
    list_crumb = STATIONS_CRUMB

    def save(self, form):
        return station_save(
            actor=self.request.user,
            station=form.instance,
            enterprises=form.cleaned_data["enterprises"],
        )


class StationActivityAddView(ScopedObjectFormView):
    """Record a day of a station: workers received, what was handed out."""

    model = Station
    form_class = StationActivityForm

    def get_title(self):
        return _("Record a day of %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [STATIONS_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "station": self.object, "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": _("Add")}

    def form_valid(self, form):
        try:
            activity_add(actor=self.request.user, activity=form.instance)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(object)s was added.") % {"object": form.instance})
        return HttpResponseRedirect(self.object.get_absolute_url())
