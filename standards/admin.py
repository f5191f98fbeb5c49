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
from .services import frozen_reason


class SchemePartAdmin(SimpleHistoryAdmin):
    """A version of the scheme a period was scored with keeps its points and rules
    (services/scheme.py): the admin shows its rows read-only too."""

    def scheme_of(self, obj) -> Scheme:
        raise NotImplementedError

    def frozen(self, obj) -> bool:
        return obj is not None and bool(frozen_reason(self.scheme_of(obj)))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self.frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self.frozen(obj)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("name", "document_number", "starts_on", "ends_on")
    search_fields = ("name", "document_number")
    inlines = [TargetInline]


@admin.register(Scheme)
class SchemeAdmin(SchemePartAdmin):
    list_display = ("name", "number", "total_points", "trusted_min_grade")
    search_fields = ("name",)
    readonly_fields = ("number", "previous")  # (a new version is started on the scheme page)

    def scheme_of(self, obj):
        return obj


@admin.register(Dimension)
class DimensionAdmin(SchemePartAdmin):
    list_display = ("name", "scheme", "weight", "order")
    list_filter = ("scheme",)
    search_fields = ("name",)

    def scheme_of(self, obj):
        return obj.scheme


class ThresholdInline(admin.TabularInline):
    model = Threshold
    extra = 0

    def _frozen(self, obj):  # (obj: the indicator)
        return obj is not None and bool(frozen_reason(obj.dimension.scheme))

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._frozen(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._frozen(obj)


@admin.register(Indicator)
class IndicatorAdmin(SchemePartAdmin):
    list_display = ("name", "dimension", "max_points", "method", "metric")
    list_filter = ("method",)
    search_fields = ("name", "code")
    inlines = [ThresholdInline]

    def scheme_of(self, obj):
        return obj.dimension.scheme


for model, fields, scheme_of in (
    (Threshold, ("indicator", "at_least", "points"), lambda obj: obj.indicator.dimension.scheme),
    (GradeRule, ("scheme", "grade", "min_total", "min_dimension_share"), lambda obj: obj.scheme),
    (VetoItem, ("name", "scheme", "caps_grade_at"), lambda obj: obj.scheme),
):
    admin.site.register(
        model,
        type(
            f"{model.__name__}Admin",
            (SchemePartAdmin,),
            {"list_display": fields, "scheme_of": staticmethod(scheme_of)},
        ),
    )

for model, fields in (
    (Target, ("code", "title", "plan", "metric", "value", "deadline")),
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
