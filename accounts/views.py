from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import PortalViewMixin


class PasswordChangeView(PortalViewMixin, auth_views.PasswordChangeView):
    title = _("Change password")


class PasswordChangeDoneView(PortalViewMixin, auth_views.PasswordChangeDoneView):
    title = _("Password changed")
