"""Pages of job help (助岗): with the assistance permission (they name workers)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.params import parse_id
from cohesion_portal.views import RecordDetailView, ScopedEditView, ScopedListView

from ..filters import JobHelpFilter
from ..forms import JobHelpForm
from ..models import HardshipFile, JobHelp
from ..services.jobs import job_help_save
from ..tables import JobHelpTable

JOB_HELP_CRUMB = (_("Job help"), reverse_lazy("assistance:job_help_list"))


class JobHelpListView(ScopedListView):
    model = JobHelp
    create_url_name = "assistance:job_help_create"
    create_label = _("Record job help")
    table_class = JobHelpTable
    filterset_class = JobHelpFilter
    title = _("Job help")

    def get_queryset(self):
        return super().get_queryset().select_related("union")


class JobHelpDetailView(RecordDetailView):
    model = JobHelp
    template_name = "assistance/job_help_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "file")

    def get_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [JOB_HELP_CRUMB]


class JobHelpEditView(ScopedEditView):
    model = JobHelp
    form_class = JobHelpForm
    add_title = _("Record job help")
    list_crumb = JOB_HELP_CRUMB

    def get_initial(self):
        """From a hardship file's page (?file=): the worker and their union."""
        initial = super().get_initial()
        files = HardshipFile.objects.for_user(self.request.user, CHANGE)
        for file in files.filter(pk=parse_id(self.request.GET.get("file")) or 0)[:1]:
            initial |= {"file": file.pk, "union": file.union_id}
        return initial

    def save(self, form):
        return job_help_save(actor=self.request.user, job=form.instance)
