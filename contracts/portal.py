"""What the contracts app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from .metrics import ATTENTION, METRICS  # noqa: F401
from .monthly_figures import MONTHLY_FIGURES  # noqa: F401
from .reminders import RULES as REMINDER_RULES  # noqa: F401
from .sheets import SHEETS  # noqa: F401

PAGES = (
    Page("contracts", _("Collective contracts"), "contracts:list", "bi-file-earmark-text", 10),
    Page("contracts", _("Negotiation offers"), "contracts:offer_list", "bi-envelope-paper", 20),
    Page("contracts", _("Workers' congresses"), "contracts:congress_list", "bi-people-fill", 30),
    Page("contracts", _("Affairs disclosure"), "contracts:disclosure_list", "bi-megaphone", 40),
)
DEMO = "contracts.demo"
