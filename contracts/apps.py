from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = _("Collective contracts")

    def ready(self):
        from cohesion_portal import navigation
        from reminders import registry

        from .metrics import register_attention, register_metrics
        from .monthly_figures import register_monthly_figures
        from .reminders import RULES
        from .sheets import register_sheets

        register_metrics()
        register_attention()

        register_monthly_figures()  # the monthly progress report's figures
        register_sheets()

        for rule in RULES:
            registry.register(rule)

        navigation.register(
            "contracts", _("Collective contracts"), "contracts:list", "bi-file-earmark-text", 10
        )
        navigation.register(
            "contracts", _("Negotiation offers"), "contracts:offer_list", "bi-envelope-paper", 20
        )
        navigation.register(
            "contracts", _("Workers' congresses"), "contracts:congress_list", "bi-people-fill", 30
        )
        navigation.register(
            "contracts",
            _("Affairs disclosure"),
            "contracts:disclosure_list",
            "bi-megaphone",
            40,
        )
