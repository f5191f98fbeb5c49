from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class UnionsConfig(plugins.PortalAppConfig):
    name = "unions"
    verbose_name = _("Unions and enterprises")
