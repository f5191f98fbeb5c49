from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BookRoom, Title


@admin.register(BookRoom)
class BookRoomAdmin(SimpleHistoryAdmin):
    list_display = ("name", "union", "books", "recognition", "opened_on", "closed_on")
    list_filter = ("recognition",)
    search_fields = ("name", "union__name")
    raw_id_fields = ("union", "enterprise")


@admin.register(Title)
class TitleAdmin(SimpleHistoryAdmin):
    list_display = ("holder", "kind", "level", "year", "union", "status")
    list_filter = ("kind", "level", "status")
    search_fields = ("holder", "union__name")
    raw_id_fields = ("union",)
