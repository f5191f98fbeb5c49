"""Importing existing hardship files from Excel: upload and check, look at the findings,
confirm; and the template. Only for those with the assistance permission."""

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View

from cohesion_portal import ratelimit
from cohesion_portal.import_views import WorkbookImportDetailView, WorkbookUploadView
from cohesion_portal.views import PortalViewMixin
from unions.roster_files import RosterFileError, template_workbook, workbook_response

from ..file_import import COLUMNS, EXAMPLE_ROW
from ..forms import FileImportForm
from ..models import FileImport, HardshipGrade
from ..services import file_import_confirm, file_import_upload
from .files import FILES_CRUMB

UPLOAD_CRUMB = (_("Import hardship files"), reverse_lazy("assistance:file_import"))


class FileImportView(WorkbookUploadView):
    model = FileImport  # (the personal permission is asked for by the model)
    form_class = FileImportForm
    template_name = "assistance/file_import.html"
    title = _("Import hardship files")
    template_url_name = "assistance:file_import_template"
    file_errors = (RosterFileError,)

    def get_breadcrumbs(self):
        return [FILES_CRUMB]

    def form_valid(self, form):
        # Each check says which people have an open file anywhere: a few workbooks an hour is
        # a union's work, more is a search (every check is kept, with its findings).
        key = f"hardship-file-checks:{self.request.user.pk}"
        if not ratelimit.allow(key, limit=settings.FILE_IMPORT_CHECKS_PER_HOUR, seconds=3600):
            form.add_error("file", _("Too many workbooks checked in the last hour; try later."))
            return self.form_invalid(form)
        return super().form_valid(form)

    def upload(self, form):
        return file_import_upload(
            actor=self.request.user,
            union=form.cleaned_data["union"],
            uploaded=form.cleaned_data["file"],
        )


class FileImportDetailView(WorkbookImportDetailView):
    model = FileImport
    template_name = "assistance/file_import_detail.html"

    def get_title(self):
        return _("Hardship files: %(name)s") % {"name": self.object.original_name}

    def get_breadcrumbs(self):
        return [FILES_CRUMB, UPLOAD_CRUMB]

    def confirm(self, upload):
        return file_import_confirm(actor=self.request.user, upload=upload)

    def imported_message(self, upload) -> str:
        return _("%(count)d hardship files were imported into %(union)s.") % {
            "count": upload.imported_count,
            "union": upload.union,
        }


class FileImportTemplateView(PortalViewMixin, View):
    model = FileImport

    def get(self, request):
        notes = {**NOTES, "grade": "、".join(g.name for g in HardshipGrade.objects.all()) + "。"}
        return workbook_response(
            template_workbook("困难职工档案", COLUMNS, EXAMPLE_ROW, notes),
            "困难职工档案导入模板.xlsx",
        )


# The template speaks Chinese whatever the interface language: its headers are what the
# importer reads (assistance.file_import.COLUMNS).
NOTES = {
    "name": "必填。",
    "id_number": "必填。18 位；请把这一列设为文本格式，否则 Excel 会丢掉后几位。",
    "unit": "分会或工会小组的名称；不填则归入导入时选择的工会。",
    "enterprise": "企业名称或统一社会信用代码，须是本工会的企业；可不填。",
    "household_size": "必填。家庭共同生活的人数，1 至 30。",
    "household_income": "必填。全家每月收入合计（工资、养老金、补贴等），单位元。",
    "medical_costs": "全家每年自付的医疗费用（医保报销后），单位元；可不填。",
    "on_dibao": "必填。是或否。",
    "causes": "必填。可填多个，用顿号分隔：患病、残疾、失业、子女上学、灾害、单亲、其他。",
    "needs": "必填。需要的帮扶，如医疗救助、子女助学。",
    "opened_on": "必填。如 2026-03-01、2026.3.1、2026/3/1 或 2026年3月1日。",
    "last_reviewed_on": "最近一次复核（年审）的日期；可不填。",
    "is_migrant": "是或否；农民工须是会员并签订一年以上劳动合同。",
    "has_year_contract": "是或否。",
}
