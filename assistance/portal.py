"""What the assistance app adds to the shared pages (cohesion_portal.plugins)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.navigation import Page

from . import models

PAGES = (
    Page(
        "assistance",
        _("Hardship files"),
        "assistance:file_list",
        "bi-folder2-open",
        10,
        permission=models.PERSONAL_PERMISSION,
    ),
)
DEMO = "assistance.demo"
WALK_BUILDERS = "tests.assistance.builders"
