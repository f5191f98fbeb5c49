from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from cohesion_portal import navigation
        from reminders import registry

        from .monthly_attention import register_attention
        from .monthly_reminders import RULES
        from .sheets import register_sheets

        register_sheets()

        navigation.register(
            "reports", _("Industry dashboard"), "reports:dashboard", "bi-speedometer2", 10
        )
        # The monthly progress report (月报): its pages, reminder rules and attention item.
        navigation.register(
            "reports", _("Monthly reports"), "reports:monthly_list", "bi-journal-text", 20
        )
        navigation.register(
            "reports", _("Submission status"), "reports:monthly_status", "bi-list-check", 25
        )
        for rule in RULES:
            registry.register(rule)
        register_attention()
        navigation.register(
            "reports",
            _("Monthly Excel reports"),
            "reports:exports",
            "bi-file-earmark-spreadsheet",
            30,
        )
        navigation.register("reports", _("History"), "reports:history", "bi-clock-history", 40)
