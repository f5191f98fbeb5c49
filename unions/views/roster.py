"""Roster import pages: upload and check, look at the findings, confirm; and the template."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View

from cohesion_portal.import_views import WorkbookImportDetailView, WorkbookUploadView
from cohesion_portal.views import PortalViewMixin

from ..forms import RosterUploadForm
from ..models import RosterImport
from ..roster_files import (
    COLUMNS,
    EXAMPLE_ROW,
    RosterFileError,
    template_workbook,
    workbook_response,
)
from ..services import roster_import, roster_upload

MEMBERS_CRUMB = (_("Members"), reverse_lazy("unions:member_list"))


class RosterUploadView(WorkbookUploadView):
    model = RosterImport
    form_class = RosterUploadForm
    template_name = "unions/roster_upload.html"
    title = _("Import a roster")
    template_url_name = "unions:roster_template"
    file_errors = (RosterFileError,)

    def get_breadcrumbs(self):
        return [MEMBERS_CRUMB]

    def upload(self, form):
        return roster_upload(
            actor=self.request.user,
            union=form.cleaned_data["union"],
            uploaded=form.cleaned_data["file"],
        )


class RosterImportDetailView(WorkbookImportDetailView):
    model = RosterImport
    template_name = "unions/roster_detail.html"

    def get_title(self):
        return _("Roster: %(name)s") % {"name": self.object.original_name}

    def get_breadcrumbs(self):
        return [MEMBERS_CRUMB, (_("Import a roster"), reverse_lazy("unions:roster_upload"))]

    def confirm(self, upload):
        return roster_import(actor=self.request.user, roster=upload)

    def imported_message(self, upload) -> str:
        return _("%(count)d members were imported into %(union)s and its units.") % {
            "count": upload.imported_count,
            "union": upload.union,
        }


class RosterTemplateView(PortalViewMixin, View):
    """The roster template: the columns on the first sheet, and an example row with notes on a
    second one (an example on the first sheet would be imported as a person)."""

    def get(self, request):
        return workbook_response(
            template_workbook("会员名册", COLUMNS, EXAMPLE_ROW, NOTES), "会员名册模板.xlsx"
        )


# The template speaks Chinese whatever the interface language: its headers are what the
# importer reads (unions.roster_files.COLUMNS).
NOTES = {
    "name": "必填。",
    "id_number": (
        "必填。18 位（老证件 15 位也可）；请把这一列设为文本格式，否则 Excel 会丢掉后几位。"
    ),
    "joined_on": "必填。如 2026-03-01、2026.3.1、2026/3/1 或 2026年3月1日。",
    "unit": "分会或工会小组的名称；不填则进入导入时选择的工会。",
    "enterprise": "企业名称或统一社会信用代码，须是本工会的企业；可不填。",
    "phone": "11 位手机号码；可不填。",
    "gender": "男或女；不填则按身份证号识别。",
    "birth_date": "不填则按身份证号识别；填了须与身份证号一致。",
    "education": "小学、初中、高中、中专、技校、大专、本科、研究生等。",
    "hukou": "农业户口、非农业户口或居民户口。",
    "is_migrant": "是或否。",
    "is_dispatched": "是或否。",
}
