from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cohesion_portal.admin import WorkbookImportAdmin

from .models import (
    Aid,
    Appeal,
    AppealClass,
    AppealStep,
    Campaign,
    FileImport,
    HardshipFile,
    HardshipGrade,
    HouseholdMember,
    JobHelp,
    LegalCase,
    LegalWorkstation,
    Station,
    StationActivity,
    StationCoverage,
    SubsistenceLine,
)


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


@admin.register(AppealClass)
class AppealClassAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "working_days", "order")


class AppealStepInline(admin.TabularInline):
    model = AppealStep
    extra = 0
    raw_id_fields = ("routed_to", "by")


@admin.register(Appeal)
class AppealAdmin(SimpleHistoryAdmin):
    list_display = ("tracking_number", "subject", "union", "status", "deadline")
    list_filter = ("status", "category", "industry_union")
    search_fields = ("tracking_number", "subject")
    raw_id_fields = ("union",)
    inlines = [AppealStepInline]


@admin.register(AppealStep)
class AppealStepAdmin(admin.ModelAdmin):
    list_display = ("appeal", "status", "routed_to", "by", "at")
    raw_id_fields = ("appeal", "routed_to", "by")


class StationCoverageInline(admin.TabularInline):
    model = StationCoverage
    extra = 0
    raw_id_fields = ("enterprise",)


@admin.register(Station)
class StationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "union", "opened_on", "closed_on")
    list_filter = ("kind", "industry_union")
    search_fields = ("name",)
    raw_id_fields = ("union",)
    inlines = [StationCoverageInline]


@admin.register(StationActivity)
class StationActivityAdmin(SimpleHistoryAdmin):
    list_display = ("station", "day", "visitors", "value")
    raw_id_fields = ("station",)


@admin.register(StationCoverage)
class StationCoverageAdmin(admin.ModelAdmin):
    list_display = ("station", "enterprise")
    raw_id_fields = ("station", "enterprise")


@admin.register(Campaign)
class CampaignAdmin(SimpleHistoryAdmin):
    list_display = ("name", "programme", "industry_union", "starts_on", "ends_on", "budget")
    list_filter = ("programme", "industry_union")
    filter_horizontal = ("unions",)


@admin.register(Aid)
class AidAdmin(SimpleHistoryAdmin):
    list_display = ("name", "programme", "union", "given_on", "cash", "goods_value")
    list_filter = ("programme", "funds")
    search_fields = ("name", "union__name")
    raw_id_fields = ("union", "file", "enterprise", "campaign")


@admin.register(LegalWorkstation)
class LegalWorkstationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "union", "industry_union", "opened_on")
    raw_id_fields = ("union",)


@admin.register(LegalCase)
class LegalCaseAdmin(SimpleHistoryAdmin):
    list_display = ("name", "workstation", "dispute", "stage", "outcome", "recovered")
    list_filter = ("dispute", "stage", "outcome")
    raw_id_fields = ("workstation",)


@admin.register(JobHelp)
class JobHelpAdmin(SimpleHistoryAdmin):
    list_display = ("name", "union", "kind", "started_on", "outcome")
    list_filter = ("kind", "outcome")
    raw_id_fields = ("union", "file")


@admin.register(FileImport)
class FileImportAdmin(WorkbookImportAdmin):
    pass
