from django.urls import path

from .views import (
    assessments,
    plan_edit,
    plans,
    recruitment,
    scheme,
    scheme_edit,
    scores,
    surveys,
)

app_name = "standards"
urlpatterns = [
    path("plans/", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", plan_edit.PlanEditView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", plan_edit.PlanEditView.as_view(), name="plan_edit"),
    path("targets/<int:pk>/edit/", plan_edit.TargetUpdateView.as_view(), name="target_edit"),
    path("schemes/", scheme.SchemeListView.as_view(), name="scheme_list"),
    path("schemes/<int:pk>/", scheme.SchemeDetailView.as_view(), name="scheme_detail"),
    path(
        "schemes/<int:pk>/new-version/",
        scheme_edit.SchemeNewVersionView.as_view(),
        name="scheme_new_version",
    ),
    path(
        "schemes/<int:pk>/points/",
        scheme_edit.SchemePointsView.as_view(),
        name="scheme_points",
    ),
    path(
        "schemes/<int:pk>/grades/",
        scheme_edit.GradesEditView.as_view(),
        name="scheme_grades",
    ),
    path(
        "indicators/<int:pk>/edit/",
        scheme_edit.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path("ranking/", scores.RankingView.as_view(), name="ranking"),
    path("recruitment/", recruitment.RecruitmentView.as_view(), name="recruitment"),
    path("scorecards/<int:pk>/", scores.ScorecardDetailView.as_view(), name="scorecard"),
    path("periods/<int:pk>/recompute/", scores.RecomputeView.as_view(), name="recompute"),
    path("runs/<int:pk>/", scores.RunStatusView.as_view(), name="run_status"),
    path("inspections/", assessments.AssessmentListView.as_view(), name="assessment_list"),
    path(
        "inspections/new/",
        assessments.AssessmentStartView.as_view(),
        name="assessment_start",
    ),
    path(
        "inspections/<int:pk>/",
        assessments.AssessmentDetailView.as_view(),
        name="assessment_detail",
    ),
    path(
        "inspections/<int:pk>/self/",
        assessments.SelfInspectionView.as_view(),
        name="self_inspection",
    ),
    path(
        "inspections/<int:pk>/self/return/",
        assessments.ReturnSelfInspectionView.as_view(),
        name="self_inspection_return",
    ),
    path(
        "inspections/<int:pk>/inspect/",
        assessments.InspectionView.as_view(),
        name="inspection",
    ),
    path(
        "inspections/<int:pk>/decision/",
        assessments.DecisionView.as_view(),
        name="decision",
    ),
    path("evidence/<int:pk>/", assessments.EvidenceView.as_view(), name="evidence"),
    path("vetoes/new/", assessments.VetoHitCreateView.as_view(), name="veto_create"),
    path("surveys/", surveys.SurveyListView.as_view(), name="survey_list"),
    path("surveys/new/", surveys.SurveyCreateView.as_view(), name="survey_create"),
    path("surveys/<int:pk>/", surveys.SurveyDetailView.as_view(), name="survey_detail"),
]
