"""Pages of hardship files (困难职工档案): only for those with the assistance permission."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import RecordDetailView, ScopedEditView, ScopedListView
from unions.id_numbers import mask_id_number

from ..filters import HardshipFileFilter
from ..forms import HardshipFileForm
from ..models import Cause, Criterion, HardshipFile
from ..services import hardship_file_save
from ..tables import HardshipFileTable

FILES_CRUMB = (_("Hardship files"), reverse_lazy("assistance:file_list"))


class HardshipFileListView(ScopedListView):
    model = HardshipFile
    create_url_name = "assistance:file_create"
    create_label = _("Open a hardship file")
    table_class = HardshipFileTable
    filterset_class = HardshipFileFilter
    title = _("Hardship files")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "grade")


class HardshipFileDetailView(RecordDetailView):
    model = HardshipFile
    template_name = "assistance/file_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "grade", "enterprise", "member")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [FILES_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["criteria"] = [Criterion(code).label for code in self.object.criteria]
        context["masked_id_number"] = mask_id_number(self.object.id_number)
        context["causes"] = [Cause(code).label for code in self.object.causes]
        context["household"] = list(self.object.household.all())
        return context


class HardshipFileEditView(ScopedEditView):
    model = HardshipFile
    form_class = HardshipFileForm
    add_title = _("Open a hardship file")
    list_crumb = FILES_CRUMB

    def save(self, form):
        return hardship_file_save(actor=self.request.user, file=form.instance)
