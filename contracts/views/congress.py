"""Pages of the workers' congresses (职代会) and their sessions, with T6."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)

from ..filters import CongressFilter
from ..forms import CongressForm, SessionForm
from ..metrics import congress_coverage
from ..models import CongressSystem
from ..services import congress_save, session_add
from ..tables import CongressTable

CONGRESSES_CRUMB = (_("Workers' congresses"), reverse_lazy("contracts:congress_list"))


class CongressListView(ScopedListView):
    model = CongressSystem
    create_url_name = "contracts:congress_create"
    create_label = _("Add a congress")
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


class CongressEditView(ScopedEditView):
    model = CongressSystem
    form_class = CongressForm
    add_title = _("Add a congress")
    list_crumb = CONGRESSES_CRUMB

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
