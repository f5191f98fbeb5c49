"""What the unions app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from .metrics import ATTENTION, METRICS  # noqa: F401
from .monthly_figures import MONTHLY_FIGURES  # noqa: F401
from .sheets import SHEETS  # noqa: F401

PAGES = (
    Page("organisation", _("Union tree"), "unions:tree", "bi-diagram-3", 10),
    Page("organisation", _("Enterprises"), "unions:enterprise_list", "bi-building", 20),
    Page("organisation", _("Members"), "unions:member_list", "bi-people", 30),
    Page("organisation", _("T1 recruits"), "unions:recruit_list", "bi-person-plus", 35),
    Page("organisation", _("Transfers"), "unions:transfer_list", "bi-arrow-left-right", 40),
    Page("organisation", _("Online applications"), "unions:application_list", "bi-qr-code", 50),
)
