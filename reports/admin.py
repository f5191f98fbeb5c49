"""The reports' records in the admin, for superusers: read-only, because the figures of a
report and the file of an export are the portal's own doing (the pages and jobs write them)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MonthlyExport, MonthlyReport


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MonthlyReport)
class MonthlyReportAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    list_display = ("union", "month", "status", "submitted_at", "reviewed_at")
    list_filter = ("status", "month")
    search_fields = ("union__name",)
    raw_id_fields = ("union", "submitted_by", "reviewed_by")


@admin.register(MonthlyExport)
class MonthlyExportAdmin(ReadOnlyAdmin):
    list_display = ("month", "scope_label", "status", "progress", "created_at", "finished_at")
    list_filter = ("status", "month")
    search_fields = ("scope_label",)
    raw_id_fields = ("requested_by", "industry_union")
