from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class CompetitionsConfig(plugins.PortalAppConfig):
    name = "competitions"
    verbose_name = _("Labour competitions")
