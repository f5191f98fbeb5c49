from django.contrib import admin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("subject", "kind", "union", "due_on", "created_at", "closed_at")
    list_filter = ("kind",)
    search_fields = ("subject", "key")
    raw_id_fields = ("union", "closed_by")
