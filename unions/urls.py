from django.urls import path

from . import views

app_name = "unions"
urlpatterns = [
    path("", views.UnionTreeView.as_view(), name="tree"),
    path("new/", views.UnionCreateView.as_view(), name="union_create"),
    path("<int:pk>/", views.UnionDetailView.as_view(), name="union_detail"),
    path("<int:pk>/children/", views.UnionChildrenView.as_view(), name="union_children"),
    path("<int:pk>/edit/", views.UnionUpdateView.as_view(), name="union_edit"),
    path("enterprises/", views.EnterpriseListView.as_view(), name="enterprise_list"),
    path("enterprises/new/", views.EnterpriseCreateView.as_view(), name="enterprise_create"),
    path("enterprises/<int:pk>/", views.EnterpriseDetailView.as_view(), name="enterprise_detail"),
    path(
        "enterprises/<int:pk>/edit/", views.EnterpriseUpdateView.as_view(), name="enterprise_edit"
    ),
]
