"""What the standards app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from .metrics import ATTENTION, METRICS  # noqa: F401
from .sheets import SHEETS  # noqa: F401

PAGES = (
    Page("standards", _("Ranking"), "standards:ranking", "bi-bar-chart-steps", 10),
    Page("standards", _("Inspections"), "standards:assessment_list", "bi-clipboard-check", 20),
    Page("standards", _("Satisfaction surveys"), "standards:survey_list", "bi-emoji-smile", 30),
    Page("standards", _("Plans and targets"), "standards:plan_list", "bi-bullseye", 40),
    Page("standards", _("Assessment schemes"), "standards:scheme_list", "bi-journal-check", 50),
)
DEMO = "standards.demo"
