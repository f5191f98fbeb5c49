"""Pages of legal aid: the workstations (no personal data: in the plain scope) and their cases
(with the assistance permission: they name workers)."""

from django.db.models import Count, Q, Sum
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import RecordDetailView, ScopedEditView, ScopedListView

from ..filters import LegalCaseFilter, WorkstationFilter
from ..forms import LegalCaseForm, WorkstationForm
from ..models import PERSONAL_PERMISSION, LegalCase, LegalWorkstation, Outcome
from ..services.legal import legal_case_save, workstation_save
from ..tables import LegalCaseTable, WorkstationTable

WORKSTATIONS_CRUMB = (_("Legal aid workstations"), reverse_lazy("assistance:workstation_list"))
CASES_CRUMB = (_("Legal aid cases"), reverse_lazy("assistance:legal_case_list"))


class WorkstationListView(ScopedListView):
    model = LegalWorkstation
    create_url_name = "assistance:workstation_create"
    create_label = _("Add a workstation")
    table_class = WorkstationTable
    filterset_class = WorkstationFilter
    title = _("Legal aid workstations")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union", "industry_union")
            .annotate(case_count=Count("cases"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm(PERSONAL_PERMISSION):  # (the cases name workers)
            context["extra_actions"] = [
                (reverse("assistance:legal_case_list"), _("Legal aid cases"), "bi-briefcase")
            ]
        return context


class WorkstationDetailView(RecordDetailView):
    model = LegalWorkstation
    template_name = "assistance/workstation_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "industry_union")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [WORKSTATIONS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Figures, not names: whoever sees the workstation reads them.
        context["figures"] = self.object.cases.aggregate(
            taken=Count("pk"),
            open=Count("pk", filter=Q(closed_on__isnull=True)),
            won=Count("pk", filter=Q(outcome__in=(Outcome.SETTLED, Outcome.WON, Outcome.PARTLY))),
            recovered=Sum("recovered", default=0),
        )
        return context


class WorkstationEditView(ScopedEditView):
    model = LegalWorkstation
    form_class = WorkstationForm
    add_title = _("Add a workstation")
    list_crumb = WORKSTATIONS_CRUMB

    def save(self, form):
        return workstation_save(actor=self.request.user, workstation=form.instance)


class LegalCaseListView(ScopedListView):
    model = LegalCase
    create_url_name = "assistance:legal_case_create"
    create_label = _("Take a case")
    table_class = LegalCaseTable
    filterset_class = LegalCaseFilter
    title = _("Legal aid cases")

    def get_queryset(self):
        return super().get_queryset().select_related("workstation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["extra_actions"] = [
            (reverse("assistance:workstation_list"), _("Legal aid workstations"), "bi-bank")
        ]
        return context


class LegalCaseDetailView(RecordDetailView):
    model = LegalCase
    template_name = "assistance/legal_case_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("workstation")

    def get_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [CASES_CRUMB]


class LegalCaseEditView(ScopedEditView):
    model = LegalCase
    form_class = LegalCaseForm
    add_title = _("Take a case")
    list_crumb = CASES_CRUMB

    def save(self, form):
        return legal_case_save(actor=self.request.user, case=form.instance)
