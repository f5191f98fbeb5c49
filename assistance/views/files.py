"""Pages of hardship files (困难职工档案): only for those with the assistance permission."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)
from unions.id_numbers import mask_id_number

from ..filters import HardshipFileFilter
from ..forms import ConfirmForm, HardshipFileForm, HouseholdMemberForm
from ..models import Cause, Criterion, HardshipFile, HouseholdMember
from ..services import hardship_file_save, household_member_add, household_member_remove
from ..tables import HardshipFileTable
from .file_export import may_export_whole_numbers

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The list as filtered here; every download is logged (views.file_export).
        export = f"{reverse('assistance:file_export')}?{self.request.GET.urlencode()}"
        excel = [(export, _("Export (ID numbers masked)"), "bi-download")]
        if may_export_whole_numbers(self.request.user):
            excel.append((f"{export}&whole=1", _("Export with whole ID numbers"), "bi-download"))
        if self.may_create():  # (who may change files reviews them and imports them)
            excel.append((reverse("assistance:file_import"), _("Import from Excel"), "bi-upload"))
            context["extra_actions"] = [
                (reverse("assistance:file_review"), _("Yearly review"), "bi-clipboard-check")
            ]
        context["action_menu"] = {
            "label": "Excel",
            "icon": "bi-file-earmark-spreadsheet",
            "items": excel,
        }
        return context


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
        context["aid"] = list(self.object.aid.all()[:20])
        return context


class HardshipFileEditView(ScopedEditView):
    model = HardshipFile
    form_class = HardshipFileForm
    add_title = _("Open a hardship file")
    list_crumb = FILES_CRUMB

    def save(self, form):
        return hardship_file_save(actor=self.request.user, file=form.instance)


class HouseholdAddView(ScopedObjectFormView):
    """Add a person to a file's household."""

    model = HardshipFile
    form_class = HouseholdMemberForm
    submit_label = _("Add")

    def get_title(self):
        return _("Add a household member of %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [FILES_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": self.submit_label}

    def form_valid(self, form):
        try:
            person = household_member_add(
                actor=self.request.user, file=self.object, person=form.instance
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(object)s was added.") % {"object": person})
        return HttpResponseRedirect(self.object.get_absolute_url())


class HouseholdRemoveView(ScopedObjectFormView):
    """Take a person off a file's household (asked first)."""

    model = HouseholdMember
    form_class = ConfirmForm

    def get_title(self):
        return _("Remove %(name)s from the household") % {"name": self.object.name}

    def get_breadcrumbs(self):
        file = self.object.file
        return [FILES_CRUMB, (file.name, file.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "submit_label": _("Remove")}

    def form_valid(self, form):
        file = self.object.file
        household_member_remove(actor=self.request.user, person=self.object)
        messages.success(self.request, _("%(object)s was removed.") % {"object": self.object})
        return HttpResponseRedirect(file.get_absolute_url())
