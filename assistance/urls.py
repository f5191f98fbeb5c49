from django.urls import path

from .views import files

app_name = "assistance"
urlpatterns = [
    path("files/", files.HardshipFileListView.as_view(), name="file_list"),
    path("files/new/", files.HardshipFileEditView.as_view(), name="file_create"),
    path("files/<int:pk>/", files.HardshipFileDetailView.as_view(), name="file_detail"),
    path("files/<int:pk>/edit/", files.HardshipFileEditView.as_view(), name="file_edit"),
    path("files/<int:pk>/household/", files.HouseholdAddView.as_view(), name="household_add"),
    path(
        "household/<int:pk>/remove/",
        files.HouseholdRemoveView.as_view(),
        name="household_remove",
    ),
]
