from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "standards"
    verbose_name = _("Standardization")

    def ready(self):
        from .metrics import register_metrics

        register_metrics()
