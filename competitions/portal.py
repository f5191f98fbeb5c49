"""What the competitions app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from .metrics import METRICS  # noqa: F401
from .monthly_figures import MONTHLY_FIGURES  # noqa: F401

PAGES = (
    Page("competitions", _("Honorary titles"), "competitions:title_list", "bi-award", 20),
    Page("competitions", _("Worker book rooms"), "competitions:book_room_list", "bi-book", 50),
)
DEMO = "competitions.demo"
WALK_BUILDERS = "tests.competitions.builders"
