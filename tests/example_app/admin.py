from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Visit


@admin.register(Visit)
class VisitAdmin(SimpleHistoryAdmin):
    list_display = ("worker", "union", "visited_on", "follow_up")
    search_fields = ("worker",)
