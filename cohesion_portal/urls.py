from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from assistance.views.public import AppealFileView, AppealTrackView
from cohesion_portal import plugins
from reports.views.home import HomeView
from standards.views.surveys import SurveyAnswerView
from unions.views.joining import JoinView

admin.site.site_header = _("Cohesion Project Portal · administration")
admin.site.site_title = _("Cohesion Project Portal")
admin.site.index_title = _("Administration")


def _superusers_only(request):
    # The admin bypasses the scopes, so only superusers (who see everything anyway) get in.
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = _superusers_only

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Each plugged-in app's pages under /<its label>/ (cohesion_portal.plugins).
    *plugins.url_patterns(),
    # Public: the join page a union's QR poster points to (网上入会).
    path("join/<str:code>/", JoinView.as_view(), name="join"),
    # Public: the member satisfaction survey a union's link or QR code points to.
    path("survey/<str:code>/", SurveyAnswerView.as_view(), name="survey"),
    # Public: a worker files an appeal (连心桥) and follows it with its number and code.
    path("appeal/", AppealFileView.as_view(), name="appeal"),
    path("appeal/track/", AppealTrackView.as_view(), name="appeal_track"),
    path("admin/", admin.site.urls),
]
