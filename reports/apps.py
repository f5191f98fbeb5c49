from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class ReportsConfig(plugins.PortalAppConfig):
    name = "reports"
    verbose_name = _("Reports")
