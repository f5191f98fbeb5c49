from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class ContractsConfig(plugins.PortalAppConfig):
    name = "contracts"
    verbose_name = _("Collective contracts")
