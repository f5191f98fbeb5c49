from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import HardshipFile, HardshipGrade, HouseholdMember, SubsistenceLine


@admin.register(HardshipGrade)
class HardshipGradeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "order")


@admin.register(SubsistenceLine)
class SubsistenceLineAdmin(SimpleHistoryAdmin):
    list_display = ("year", "monthly_amount")


class HouseholdInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0


@admin.register(HardshipFile)
class HardshipFileAdmin(SimpleHistoryAdmin):
    list_display = ("name", "union", "grade", "opened_on", "closed_on")
    list_filter = ("grade", "closed_on")
    search_fields = ("name", "union__name")
    raw_id_fields = ("union", "member", "enterprise")
    inlines = [HouseholdInline]


@admin.register(HouseholdMember)
class HouseholdMemberAdmin(SimpleHistoryAdmin):
    list_display = ("name", "relation", "file")
    search_fields = ("name", "file__name")
    raw_id_fields = ("file",)
