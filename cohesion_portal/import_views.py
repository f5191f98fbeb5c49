"""The pages of an Excel import (cohesion_portal.imports): upload and check, then the findings
with the confirm. An app's views say which model, form, services and words are theirs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.generic import FormView

from .access import CHANGE
from .imports import ImportStatus, recent_imports
from .views import PortalViewMixin, RequiresChangeMixin, ScopedDetailView

PROBLEMS_SHOWN = 500


class WorkbookUploadView(RequiresChangeMixin, PortalViewMixin, FormView):
    """`model` (a WorkbookImport), `form_class` (its union and file), `template_url_name`, and
    `upload(form)`, the service that checks and keeps the workbook. `file_errors`: what the
    reader raises for a file it cannot read (its message is for the person)."""

    template_name = "portal/import_upload.html"
    template_url_name = ""
    file_errors: tuple[type[Exception], ...] = ()

    def upload(self, form):
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent"] = recent_imports(self.model, user=self.request.user)
        context["template_url"] = reverse(self.template_url_name)
        return context

    def form_valid(self, form):
        try:
            upload = self.upload(form)
        except self.file_errors as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return HttpResponseRedirect(upload.get_absolute_url())


class WorkbookImportDetailView(ScopedDetailView):
    """The findings of a checked workbook; POST confirms the import (needs the change scope)
    through `confirm(upload)`, and says `imported_message(upload)`."""

    def confirm(self, upload):
        raise NotImplementedError

    def imported_message(self, upload) -> str:
        raise NotImplementedError

    def get_queryset(self):
        return super().get_queryset().select_related("union", "uploaded_by")

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            upload = self.confirm(self.object)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, self.imported_message(upload))
        return HttpResponseRedirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_confirm"] = (
            self.object.status == ImportStatus.CHECKED
            and self.object.rows_valid > 0
            and self.model.objects.for_user(self.request.user, CHANGE)
            .filter(pk=self.object.pk)
            .exists()
        )
        context["problems"] = self.object.problems[:PROBLEMS_SHOWN]
        return context
