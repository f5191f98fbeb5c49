from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from cohesion_portal import navigation

        navigation.register(
            "reports", _("Industry dashboard"), "reports:dashboard", "bi-speedometer2", 10
        )
