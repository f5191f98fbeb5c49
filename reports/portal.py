"""What the reports app adds to the shared pages (cohesion_portal.plugins): the dashboard, the
monthly progress report (月报) with its reminder rules and attention item, the monthly Excel
report and the history of changes."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from .monthly_attention import ATTENTION  # noqa: F401
from .monthly_reminders import RULES as REMINDER_RULES  # noqa: F401
from .sheets import SHEETS  # noqa: F401

PAGES = (
    Page("reports", _("Industry dashboard"), "reports:dashboard", "bi-speedometer2", 10),
    Page("reports", _("Monthly reports"), "reports:monthly_list", "bi-journal-text", 20),
    Page("reports", _("Submission status"), "reports:monthly_status", "bi-list-check", 25),
    Page(
        "reports", _("Monthly Excel reports"), "reports:exports", "bi-file-earmark-spreadsheet", 30
    ),
    Page("reports", _("History"), "reports:history", "bi-clock-history", 40),
)
DEMO = "reports.demo"
