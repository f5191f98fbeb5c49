from django.urls import path

from .views import aid, appeals, files, jobs, legal, review, stations

app_name = "assistance"
urlpatterns = [
    path("files/", files.HardshipFileListView.as_view(), name="file_list"),
    path("files/new/", files.HardshipFileEditView.as_view(), name="file_create"),
    path("files/review/", review.FileReviewView.as_view(), name="file_review"),
    path("files/<int:pk>/", files.HardshipFileDetailView.as_view(), name="file_detail"),
    path("files/<int:pk>/edit/", files.HardshipFileEditView.as_view(), name="file_edit"),
    path("files/<int:pk>/household/", files.HouseholdAddView.as_view(), name="household_add"),
    path(
        "household/<int:pk>/remove/",
        files.HouseholdRemoveView.as_view(),
        name="household_remove",
    ),
    path("appeals/", appeals.AppealListView.as_view(), name="appeal_list"),
    path("appeals/new/", appeals.AppealCreateView.as_view(), name="appeal_create"),
    path("appeals/<int:pk>/", appeals.AppealDetailView.as_view(), name="appeal_detail"),
    path("appeals/<int:pk>/move/", appeals.AppealMoveView.as_view(), name="appeal_move"),
    path("appeals/<int:pk>/route/", appeals.AppealRouteView.as_view(), name="appeal_route"),
    path("stations/", stations.StationListView.as_view(), name="station_list"),
    path("stations/new/", stations.StationEditView.as_view(), name="station_create"),
    path("stations/<int:pk>/", stations.StationDetailView.as_view(), name="station_detail"),
    path("stations/<int:pk>/edit/", stations.StationEditView.as_view(), name="station_edit"),
    path(
        "stations/<int:pk>/activity/",
        stations.StationActivityAddView.as_view(),
        name="station_activity_add",
    ),
    path("aid/", aid.AidListView.as_view(), name="aid_list"),
    path("aid/new/", aid.AidEditView.as_view(), name="aid_create"),
    path("aid/<int:pk>/", aid.AidDetailView.as_view(), name="aid_detail"),
    path("aid/<int:pk>/edit/", aid.AidEditView.as_view(), name="aid_edit"),
    path("campaigns/", aid.CampaignListView.as_view(), name="campaign_list"),
    path("campaigns/new/", aid.CampaignEditView.as_view(), name="campaign_create"),
    path("campaigns/<int:pk>/", aid.CampaignDetailView.as_view(), name="campaign_detail"),
    path("campaigns/<int:pk>/edit/", aid.CampaignEditView.as_view(), name="campaign_edit"),
    path("legal/", legal.LegalCaseListView.as_view(), name="legal_case_list"),
    path("legal/new/", legal.LegalCaseEditView.as_view(), name="legal_case_create"),
    path("legal/<int:pk>/", legal.LegalCaseDetailView.as_view(), name="legal_case_detail"),
    path("legal/<int:pk>/edit/", legal.LegalCaseEditView.as_view(), name="legal_case_edit"),
    path("legal/workstations/", legal.WorkstationListView.as_view(), name="workstation_list"),
    path(
        "legal/workstations/new/",
        legal.WorkstationEditView.as_view(),
        name="workstation_create",
    ),
    path(
        "legal/workstations/<int:pk>/",
        legal.WorkstationDetailView.as_view(),
        name="workstation_detail",
    ),
    path(
        "legal/workstations/<int:pk>/edit/",
        legal.WorkstationEditView.as_view(),
        name="workstation_edit",
    ),
    path("jobs/", jobs.JobHelpListView.as_view(), name="job_help_list"),
    path("jobs/new/", jobs.JobHelpEditView.as_view(), name="job_help_create"),
    path("jobs/<int:pk>/", jobs.JobHelpDetailView.as_view(), name="job_help_detail"),
    path("jobs/<int:pk>/edit/", jobs.JobHelpEditView.as_view(), name="job_help_edit"),
]
