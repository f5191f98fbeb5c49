from django.utils.translation import gettext_lazy as _

from cohesion_portal import plugins


class RemindersConfig(plugins.PortalAppConfig):
    name = "reminders"
    verbose_name = _("Reminders")
