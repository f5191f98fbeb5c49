from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class StandardsConfig(plugins.PortalAppConfig):
    name = "standards"
    verbose_name = _("Standardization")
