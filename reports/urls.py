from django.urls import path

from .views import exports, history, home, monthly, submissions

app_name = "reports"
urlpatterns = [
    path("dashboard/", home.DashboardView.as_view(), name="dashboard"),
    # The monthly progress report (月报)
    path("monthly/", monthly.MonthlyReportListView.as_view(), name="monthly_list"),
    path("monthly/fill/", monthly.MonthlyReportFillView.as_view(), name="monthly_fill"),
    path("monthly/status/", submissions.SubmissionStatusView.as_view(), name="monthly_status"),
    path("monthly/remind/", submissions.SendRemindersView.as_view(), name="monthly_remind"),
    path("monthly/<int:pk>/", monthly.MonthlyReportDetailView.as_view(), name="monthly_detail"),
    path(
        "monthly/<int:pk>/review/",
        monthly.MonthlyReportReviewView.as_view(),
        name="monthly_review",
    ),
    path("exports/", exports.ExportListView.as_view(), name="exports"),
    path("history/", history.HistoryView.as_view(), name="history"),
    path("exports/<int:pk>/", exports.ExportDetailView.as_view(), name="export_detail"),
    path("exports/<int:pk>/retry/", exports.ExportRetryView.as_view(), name="export_retry"),
    path(
        "exports/<int:pk>/download/",
        exports.ExportDownloadView.as_view(),
        name="export_download",
    ),
]
