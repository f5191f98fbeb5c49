from django.contrib import admin

from .models import DataVersion, FormSubmission


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
