from django.urls import path

from . import views, views_exports, views_history, views_monthly, views_submissions

app_name = "reports"
urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    # The monthly progress report (月报)
    path("monthly/", views_monthly.MonthlyReportListView.as_view(), name="monthly_list"),
    path("monthly/fill/", views_monthly.MonthlyReportFillView.as_view(), name="monthly_fill"),
    path(
        "monthly/status/", views_submissions.SubmissionStatusView.as_view(), name="monthly_status"
    ),
    path("monthly/remind/", views_submissions.SendRemindersView.as_view(), name="monthly_remind"),
    path(
        "monthly/<int:pk>/", views_monthly.MonthlyReportDetailView.as_view(), name="monthly_detail"
    ),
    path(
        "monthly/<int:pk>/review/",
        views_monthly.MonthlyReportReviewView.as_view(),
        name="monthly_review",
    ),
    path("exports/", views_exports.ExportListView.as_view(), name="exports"),
    path("history/", views_history.HistoryView.as_view(), name="history"),
    path("exports/<int:pk>/", views_exports.ExportDetailView.as_view(), name="export_detail"),
    path("exports/<int:pk>/retry/", views_exports.ExportRetryView.as_view(), name="export_retry"),
    path(
        "exports/<int:pk>/download/",
        views_exports.ExportDownloadView.as_view(),
        name="export_download",
    ),
]
