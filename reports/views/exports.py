"""The monthly Excel report's pages: ask for a month, watch it being produced, download it."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from cohesion_portal.dates import month_label
from cohesion_portal.views import PortalViewMixin, ScopedDetailView, ScopedObjectFormView

from ..forms import ExportRequestForm
from ..models import MonthlyExport
from ..selectors.exports import retryable
from ..services.exports import ExportRefused, download_name, request_export, retry_export

RECENT = 30


class ExportListView(PortalViewMixin, FormView):
    """Ask for the report of a month (over the user's area); the reports asked for lately,
    with their progress, and those the monthly job produced for the user's industry union."""

    template_name = "reports/exports.html"
    form_class = ExportRequestForm
    title = gettext_lazy("Monthly Excel reports")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"today": timezone.localdate()}

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["reports/partials/export_rows.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exports = list(
            MonthlyExport.objects.for_user(self.request.user).select_related("requested_by")[
                :RECENT
            ]
        )
        context["exports"] = exports
        context["polling"] = any(not export.is_finished for export in exports)
        context["retryable"] = retryable(self.request.user, exports)
        return context

    def form_valid(self, form):
        try:
            export, created = request_export(
                user=self.request.user, month=form.cleaned_data["month"]
            )
        except ExportRefused as refusal:
            form.add_error("month", str(refusal))
            return self.form_invalid(form)
        if not created:
            messages.info(self.request, _("That report is already being produced."))
        return HttpResponseRedirect(export.get_absolute_url())


class ExportDetailView(ScopedDetailView):
    """One report: its progress (polled by htmx until it ends), then the download."""

    model = MonthlyExport
    template_name = "reports/export_detail.html"

    def get_title(self):
        return _("Monthly report %(month)s") % {"month": month_label(self.object.month)}

    def get_breadcrumbs(self):
        from django.urls import reverse

        return [(_("Monthly Excel reports"), reverse("reports:exports"))]

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["reports/partials/export_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "export": self.object,
            "retryable": retryable(self.request.user, [self.object]),
        }


class ExportRetryView(ScopedObjectFormView):
    """Try a failed or stalled report again: the button on its page and in the list."""

    model = MonthlyExport
    form_class = forms.Form
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            export = retry_export(user=self.request.user, export=self.object)
        except ExportRefused as refusal:
            messages.error(self.request, str(refusal))
            return HttpResponseRedirect(self.object.get_absolute_url())
        if export is None:
            messages.info(
                self.request,
                _("There is nothing to try again: the report is being produced or is ready."),
            )
            return HttpResponseRedirect(self.object.get_absolute_url())
        return HttpResponseRedirect(export.get_absolute_url())


class ExportDownloadView(ScopedDetailView):
    model = MonthlyExport

    def get(self, request, *args, **kwargs):
        export = self.get_object()
        if not export.file:
            raise Http404(_("This report has no file yet."))
        response = FileResponse(
            export.file.open("rb"), as_attachment=True, filename=download_name(export)
        )
        response["Cache-Control"] = "no-store"
        return response
