from django.contrib import admin

from .models import FormSubmission


@admin.register(FormSubmission)
class FormSubmissionAdmin(admin.ModelAdmin):
    list_display = ("token", "user", "result_url", "created_at")
    search_fields = ("token", "user__username")
    readonly_fields = ("token", "user", "result_url", "created_at")
