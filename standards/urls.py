from django.urls import path

from . import (
    views_assessments,
    views_plan_edit,
    views_plans,
    views_recruitment,
    views_scheme,
    views_scheme_edit,
    views_scores,
    views_surveys,
)

app_name = "standards"
urlpatterns = [
    path("plans/", views_plans.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", views_plan_edit.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", views_plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", views_plan_edit.PlanUpdateView.as_view(), name="plan_edit"),
    path("targets/<int:pk>/edit/", views_plan_edit.TargetUpdateView.as_view(), name="target_edit"),
    path("schemes/", views_scheme.SchemeListView.as_view(), name="scheme_list"),
    path("schemes/<int:pk>/", views_scheme.SchemeDetailView.as_view(), name="scheme_detail"),
    path(
        "schemes/<int:pk>/points/",
        views_scheme_edit.SchemePointsView.as_view(),
        name="scheme_points",
    ),
    path(
        "schemes/<int:pk>/grades/",
        views_scheme_edit.GradesEditView.as_view(),
        name="scheme_grades",
    ),
    path(
        "indicators/<int:pk>/edit/",
        views_scheme_edit.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path("ranking/", views_scores.RankingView.as_view(), name="ranking"),
    path("recruitment/", views_recruitment.RecruitmentView.as_view(), name="recruitment"),
    path("scorecards/<int:pk>/", views_scores.ScorecardDetailView.as_view(), name="scorecard"),
    path("periods/<int:pk>/recompute/", views_scores.RecomputeView.as_view(), name="recompute"),
    path("runs/<int:pk>/", views_scores.RunStatusView.as_view(), name="run_status"),
    path("inspections/", views_assessments.AssessmentListView.as_view(), name="assessment_list"),
    path(
        "inspections/new/",
        views_assessments.AssessmentStartView.as_view(),
        name="assessment_start",
    ),
    path(
        "inspections/<int:pk>/",
        views_assessments.AssessmentDetailView.as_view(),
        name="assessment_detail",
    ),
    path(
        "inspections/<int:pk>/self/",
        views_assessments.SelfInspectionView.as_view(),
        name="self_inspection",
    ),
    path(
        "inspections/<int:pk>/self/return/",
        views_assessments.ReturnSelfInspectionView.as_view(),
        name="self_inspection_return",
    ),
    path(
        "inspections/<int:pk>/inspect/",
        views_assessments.InspectionView.as_view(),
        name="inspection",
    ),
    path(
        "inspections/<int:pk>/decision/",
        views_assessments.DecisionView.as_view(),
        name="decision",
    ),
    path("evidence/<int:pk>/", views_assessments.EvidenceView.as_view(), name="evidence"),
    path("vetoes/new/", views_assessments.VetoHitCreateView.as_view(), name="veto_create"),
    path("surveys/", views_surveys.SurveyListView.as_view(), name="survey_list"),
    path("surveys/new/", views_surveys.SurveyCreateView.as_view(), name="survey_create"),
    path("surveys/<int:pk>/", views_surveys.SurveyDetailView.as_view(), name="survey_detail"),
]
