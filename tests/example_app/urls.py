from django.urls import path

from . import views

app_name = "example"
urlpatterns = [path("", views.VisitListView.as_view(), name="visit_list")]
