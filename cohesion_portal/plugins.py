"""One way to plug an app into the portal (NetBox's PluginConfig, in small).

An app's AppConfig subclasses `PortalAppConfig`. Its module `<app>/portal.py` says, in one
place, what the app adds to the shared pages; every name is optional:

    PAGES           sidebar pages                         cohesion_portal.navigation.Page
    METRICS         figures for targets and the scheme    cohesion_portal.metrics.Metric
    MONTHLY_FIGURES figures of the 月报                    cohesion_portal.monthly_figures.Figure
    SHEETS          sheets of the monthly Excel report    cohesion_portal.sheets.Sheet
    ATTENTION       the dashboard's attention list        cohesion_portal.attention.Attention
    REMINDER_RULES  the daily reminders                   cohesion_portal.reminder_rules.Rule
    DEMO            the module whose extend_demo(builder=) / finish_demo(builder=) add demo data
    WALK_BUILDERS   the module whose @builds functions give the view walk a record of each of
                    the app's models (test code: named here, imported only by the tests)

The app's `urls.py`, if it has one, is served under `/<label>/`. Every key starts with the
app's label ("contracts.coverage", "contracts:list") and is declared once: otherwise the portal
refuses to start, naming the key and the apps (cohesion_portal.registry).
"""

from importlib import import_module
from types import ModuleType

from django.apps import AppConfig, apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import include, path

from . import attention, metrics, monthly_figures, navigation, reminder_rules, sheets

REGISTRIES = {
    "PAGES": navigation.PAGES,
    "METRICS": metrics.METRICS,
    "MONTHLY_FIGURES": monthly_figures.FIGURES,
    "SHEETS": sheets.SHEETS,
    "ATTENTION": attention.ITEMS,
    "REMINDER_RULES": reminder_rules.RULES,
}
MODULES = ("DEMO", "WALK_BUILDERS")


class PortalAppConfig(AppConfig):
    declaration_module = "portal"

    def ready(self):
        declare(self.label, self.declaration)

    @property
    def declaration(self) -> ModuleType:
        return import_module(f"{self.name}.{self.declaration_module}")


def declare(app_label: str, declaration: ModuleType) -> None:
    """Add what `declaration` lists to the registries, under `app_label`. Loading an app's
    declaration again replaces what it added before (no one else's)."""
    unknown = {
        name
        for name in vars(declaration)
        if name.isupper() and name not in REGISTRIES and name not in MODULES
    }
    if unknown:
        raise ImproperlyConfigured(
            f"{declaration.__name__} declares {sorted(unknown)}, which the portal does not know; "
            f"known: {sorted([*REGISTRIES, *MODULES])}"
        )
    for name, registry in REGISTRIES.items():
        registry.remove_app(app_label)
        for item in getattr(declaration, name, ()):
            registry.add(item, app_label=app_label)


def portal_apps() -> list[PortalAppConfig]:
    """The plugged-in apps, in the order of INSTALLED_APPS."""
    return [config for config in apps.get_app_configs() if isinstance(config, PortalAppConfig)]


def declared_modules(name: str) -> list[ModuleType]:
    """The modules the plugged-in apps name under `name` ("DEMO", "WALK_BUILDERS"), in order."""
    assert name in MODULES, name
    return [
        import_module(dotted)
        for config in portal_apps()
        if (dotted := getattr(config.declaration, name, None))
    ]


def url_patterns() -> list:
    """`/<label>/` for each plugged-in app that has a urls module."""
    patterns = []
    for config in portal_apps():
        try:
            import_module(f"{config.name}.urls")
        except ModuleNotFoundError as missing:
            if missing.name != f"{config.name}.urls":
                raise
            continue
        patterns.append(path(f"{config.label}/", include(f"{config.name}.urls")))
    return patterns
