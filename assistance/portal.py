"""What the assistance app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from . import models
from .attention import ATTENTION  # noqa: F401
from .metrics import METRICS  # noqa: F401
from .monthly_figures import MONTHLY_FIGURES  # noqa: F401
from .reminders import RULES as REMINDER_RULES  # noqa: F401
from .sheets import SHEETS  # noqa: F401

PAGES = (
    Page("assistance", _("Assistance at a glance"), "assistance:overview", "bi-heart-pulse", 5),
    Page(
        "assistance",
        _("Hardship files"),
        "assistance:file_list",
        "bi-folder2-open",
        10,
        permission=models.PERSONAL_PERMISSION,
    ),
    Page(
        "assistance",
        _("Aid records"),
        "assistance:aid_list",
        "bi-gift",
        15,
        permission=models.PERSONAL_PERMISSION,
    ),
    Page("assistance", _("Aid campaigns"), "assistance:campaign_list", "bi-calendar-heart", 16),
    Page(
        "assistance",
        _("Job help"),
        "assistance:job_help_list",
        "bi-briefcase",
        17,
        permission=models.PERSONAL_PERMISSION,
    ),
    Page(
        "assistance",
        _("Stations and love supermarkets"),
        "assistance:station_list",
        "bi-shop",
        30,
    ),
    Page(
        "assistance",
        _("Legal aid"),
        "assistance:workstation_list",
        "bi-bank",
        40,
    ),
    Page(
        "assistance",
        _("Appeals"),
        "assistance:appeal_list",
        "bi-chat-left-text",
        20,
        permission=models.PERSONAL_PERMISSION,
    ),
)
DEMO = "assistance.demo"
WALK_BUILDERS = "tests.assistance.builders"
