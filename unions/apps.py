from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionsConfig(AppConfig):
    name = "unions"
    verbose_name = _("Unions and enterprises")

    def ready(self):
        from cohesion_portal import navigation

        from .metrics import register_attention, register_metrics
        from .monthly_figures import register_monthly_figures
        from .sheets import register_sheets

        register_metrics()
        register_attention()

        register_monthly_figures()  # the monthly progress report's figures
        register_sheets()

        navigation.register("organisation", _("Union tree"), "unions:tree", "bi-diagram-3", 10)
        navigation.register(
            "organisation", _("Enterprises"), "unions:enterprise_list", "bi-building", 20
        )
        navigation.register("organisation", _("Members"), "unions:member_list", "bi-people", 30)
        navigation.register(
            "organisation", _("Transfers"), "unions:transfer_list", "bi-arrow-left-right", 40
        )
        navigation.register(
            "organisation", _("Online applications"), "unions:application_list", "bi-qr-code", 50
        )
