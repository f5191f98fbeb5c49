from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = _("Standardization")

    def ready(self):
        from cohesion_portal import navigation

        from .metrics import register_attention, register_metrics
        from .sheets import register_sheets

        register_metrics()
        register_attention()
        register_sheets()
        for label, url_name, icon, order in (
            (_("Ranking"), "standards:ranking", "bi-bar-chart-steps", 10),
            (_("Inspections"), "standards:assessment_list", "bi-clipboard-check", 20),
            (_("Satisfaction surveys"), "standards:survey_list", "bi-emoji-smile", 30),
            (_("Plans and targets"), "standards:plan_list", "bi-bullseye", 40),
            (_("Assessment schemes"), "standards:scheme_list", "bi-journal-check", 50),
        ):
            navigation.register("standards", label, url_name, icon, order)
