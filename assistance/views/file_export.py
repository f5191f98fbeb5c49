"""The hardship file list, as filtered on its page, as an Excel workbook; every download
logged. ID numbers and phones are masked; whole only as on a member's page: for someone holding
the permission to see whole numbers, and only the files they may change (to hand the list to
the civil affairs office, or import it elsewhere)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from cohesion_portal import area
from cohesion_portal.access import CHANGE, VIEW, scope_for
from cohesion_portal.personal_exports import personal_export_log
from cohesion_portal.views import PortalViewMixin
from unions.roster_files import workbook_response

from ..file_export import files_workbook
from ..filters import HardshipFileFilter
from ..models import HardshipFile

WHOLE_NUMBERS_PERMISSION = "unions.view_personal_data"  # (as on a member's page)


def may_export_whole_numbers(user) -> bool:
    return user.has_perm(WHOLE_NUMBERS_PERMISSION) and not scope_for(user, CHANGE).is_empty


class HardshipFileExportView(PortalViewMixin, View):
    model = HardshipFile  # (the personal permission is asked for by the model)

    def get(self, request):
        whole = request.GET.get("whole") == "1"
        if whole and not may_export_whole_numbers(request.user):
            raise PermissionDenied(_("Your role does not include whole ID numbers."))
        scoped = HardshipFile.objects.for_user(request.user, CHANGE if whole else VIEW)
        narrowed = area.reader_from_request(request)  # (as the list narrows)
        if narrowed is not None:
            scoped = scoped.for_user(narrowed)
        filters = request.GET.copy()
        filters.pop("whole", None)
        filterset = HardshipFileFilter(filters, queryset=scoped, request=request)
        if not filterset.is_valid():  # (django-filter would drop the filter: more rows)
            return HttpResponseBadRequest(
                _("The list's filters are not valid: go back to the list.")
            )
        chosen = filterset.qs
        content, rows = files_workbook(chosen, whole=whole)
        personal_export_log(
            user=request.user,
            model=HardshipFile,
            filters=filters.urlencode(),
            rows=rows,
            whole=whole,
        )
        return workbook_response(content, f"困难职工档案{timezone.localdate():%Y%m%d}.xlsx")
