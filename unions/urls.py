from django.urls import path

from .views import enterprises, joining, members, pickers, recruits, roster, tree

app_name = "unions"
urlpatterns = [
    path("", tree.UnionTreeView.as_view(), name="tree"),
    path("new/", tree.UnionEditView.as_view(), name="union_create"),
    path("<int:pk>/", tree.UnionDetailView.as_view(), name="union_detail"),
    path("<int:pk>/children/", tree.UnionChildrenView.as_view(), name="union_children"),
    path("<int:pk>/edit/", tree.UnionEditView.as_view(), name="union_edit"),
    path("pick/", pickers.UnionPickView.as_view(), name="union_pick"),
    path("enterprises/pick/", pickers.EnterprisePickView.as_view(), name="enterprise_pick"),
    path("enterprises/", enterprises.EnterpriseListView.as_view(), name="enterprise_list"),
    path("enterprises/new/", enterprises.EnterpriseEditView.as_view(), name="enterprise_create"),
    path(
        "enterprises/<int:pk>/",
        enterprises.EnterpriseDetailView.as_view(),
        name="enterprise_detail",
    ),
    path(
        "enterprises/<int:pk>/edit/",
        enterprises.EnterpriseEditView.as_view(),
        name="enterprise_edit",
    ),
    path("members/", members.MemberListView.as_view(), name="member_list"),
    path("members/new/", members.MemberEditView.as_view(), name="member_create"),
    path("recruits/", recruits.RecruitListView.as_view(), name="recruit_list"),
    path("members/<int:pk>/", members.MemberDetailView.as_view(), name="member_detail"),
    path("members/<int:pk>/edit/", members.MemberEditView.as_view(), name="member_edit"),
    path("members/<int:pk>/leave/", members.MemberLeaveView.as_view(), name="member_leave"),
    path("members/<int:pk>/rejoin/", members.MemberRejoinView.as_view(), name="member_rejoin"),
    path(
        "members/<int:pk>/disclose/", members.MemberDiscloseView.as_view(), name="member_disclose"
    ),
    path("members/import/", roster.RosterUploadView.as_view(), name="roster_upload"),
    path(
        "members/import/<int:pk>/",
        roster.RosterImportDetailView.as_view(),
        name="roster_import_detail",
    ),
    path("members/import/template/", roster.RosterTemplateView.as_view(), name="roster_template"),
    path("<int:pk>/join-poster/", joining.JoinPosterView.as_view(), name="join_poster"),
    path("applications/", joining.ApplicationListView.as_view(), name="application_list"),
    path(
        "applications/<int:pk>/", joining.ApplicationDecideView.as_view(), name="application_decide"
    ),
    path("transfers/", members.TransferListView.as_view(), name="transfer_list"),
    path("transfers/new/", members.TransferRequestView.as_view(), name="transfer_request"),
    path("transfers/<int:pk>/", members.TransferDecideView.as_view(), name="transfer_decide"),
]
