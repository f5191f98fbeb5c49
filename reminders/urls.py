from django.urls import path

from .views import reminders as views

app_name = "reminders"
urlpatterns = [
    path("", views.ReminderListView.as_view(), name="list"),
    path("<int:pk>/handled/", views.ReminderHandledView.as_view(), name="handled"),
]
