from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CalendarDay, DataVersion, FormSubmission, PersonalExport


@admin.register(FormSubmission)
class FormSubmissionAdmin(admin.ModelAdmin):
    list_display = ("token", "user", "result_url", "created_at")
    search_fields = ("token", "user__username")
    readonly_fields = ("token", "user", "result_url", "created_at")


@admin.register(DataVersion)
class DataVersionAdmin(admin.ModelAdmin):
    """Shown, not changed: the portal moves it after each write (data_version.py)."""

    list_display = ("pk", "number")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    """Staff enter a year's holidays and make-up working days once the State Council publishes
    them, if the calendar package does not know the year yet (cohesion_portal.workdays)."""

    list_display = ("day", "name", "is_workday")
    list_filter = ("is_workday",)
    date_hierarchy = "day"
    search_fields = ("name",)


class WorkbookImportAdmin(admin.ModelAdmin):
    """An Excel import (cohesion_portal.imports) is read here, never made or changed."""

    list_display = ("original_name", "union", "uploaded_by", "uploaded_at", "status", "rows_valid")
    list_filter = ("status",)
    search_fields = ("original_name", "union__name", "uploaded_by__username")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(PersonalExport)
class PersonalExportAdmin(admin.ModelAdmin):
    """The log of downloads of people's records: read, never changed or deleted."""

    list_display = ("at", "user", "records", "rows", "whole_numbers", "filters")
    list_filter = ("records", "whole_numbers")
    search_fields = ("user__username", "filters")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
