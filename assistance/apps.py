from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class AssistanceConfig(plugins.PortalAppConfig):
    name = "assistance"
    verbose_name = _("Assistance")
