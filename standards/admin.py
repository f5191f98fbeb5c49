from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Assessment,
    AssessmentScore,
    Dimension,
    GradeRule,
    Indicator,
    Period,
    Plan,
    Scheme,
    Scorecard,
    ScoringRun,
    Survey,
    SurveyResponse,
    SurveyVoter,
    Target,
    Threshold,
    VetoHit,
    VetoItem,
)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("name", "document_number", "starts_on", "ends_on")
    search_fields = ("name", "document_number")
    inlines = [TargetInline]


@admin.register(Scheme)
class SchemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "total_points", "trusted_min_grade")
    search_fields = ("name",)


@admin.register(Dimension)
class DimensionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "scheme", "weight", "order")
    list_filter = ("scheme",)
    search_fields = ("name",)


class ThresholdInline(admin.TabularInline):
    model = Threshold
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("name", "dimension", "max_points", "method", "metric")
    list_filter = ("method",)
    search_fields = ("name", "code")
    inlines = [ThresholdInline]


for model, fields in (
    (Target, ("code", "title", "plan", "metric", "value", "deadline")),
    (Threshold, ("indicator", "at_least", "points")),
    (GradeRule, ("scheme", "grade", "min_total", "min_dimension_share")),
    (VetoItem, ("name", "scheme", "caps_grade_at")),
    (Period, ("name", "scheme", "starts_on", "ends_on")),
):
    admin.site.register(
        model,
        type(f"{model.__name__}Admin", (SimpleHistoryAdmin,), {"list_display": fields}),
    )


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("union", "period", "status")
    list_filter = ("status", "period")
    search_fields = ("union__name",)
    raw_id_fields = ("union", "inspected_by")


@admin.register(AssessmentScore)
class AssessmentScoreAdmin(SimpleHistoryAdmin):
    list_display = ("assessment", "indicator", "self_points", "points")
    search_fields = ("assessment__union__name",)
    raw_id_fields = ("assessment",)


@admin.register(VetoHit)
class VetoHitAdmin(SimpleHistoryAdmin):
    list_display = ("union", "veto_item", "period", "occurred_on")
    search_fields = ("union__name",)
    raw_id_fields = ("union",)


@admin.register(Scorecard)
class ScorecardAdmin(admin.ModelAdmin):
    list_display = ("union", "period", "total", "grade", "trusted_home", "final")
    list_filter = ("period", "grade")
    search_fields = ("union__name",)
    raw_id_fields = ("union",)


@admin.register(ScoringRun)
class ScoringRunAdmin(admin.ModelAdmin):
    list_display = (
        "period",
        "status",
        "unions_done",
        "unions_total",
        "created_at",
        "heartbeat_at",
    )


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ("union", "period", "opens_on", "closes_on")
    search_fields = ("union__name",)
    raw_id_fields = ("union",)


@admin.register(SurveyResponse)
class SurveyResponseAdmin(admin.ModelAdmin):
    list_display = ("survey", "answer")
    search_fields = ("comment",)


@admin.register(SurveyVoter)
class SurveyVoterAdmin(admin.ModelAdmin):
    list_display = ("survey", "member")
    search_fields = ("survey__union__name",)
    raw_id_fields = ("member",)
