"""The sidebar: the plan's areas, and the pages each app declares under them (PAGES in the
app's portal.py, see cohesion_portal.plugins):

    PAGES = [Page("contracts", _("Collective contracts"), "contracts:list", "bi-file-text", 10)]

A page's key is its URL name. An area that no app has a page in yet is shown greyed out as
"not yet open".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .registry import Registry


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    icon: str


@dataclass(frozen=True)
class Page:
    area: str  # one of AREAS' keys
    label: str
    url_name: str
    icon: str = "bi-dot"
    order: int = 100
    permission: str | None = None  # shown only to those who hold it

    def shown_to(self, user) -> bool:
        return self.permission is None or user.has_perm(self.permission)

    def __post_init__(self):
        if self.area not in {area.key for area in AREAS}:
            raise ValueError(f"Unknown navigation area {self.area!r}")


# The areas of the plan (the design card), in the order the plan gives them.
AREAS = (
    Area("organisation", _("Organisation & members"), "bi-diagram-3"),
    Area("contracts", _("Collective contracts"), "bi-file-earmark-text"),
    Area("assistance", _("Assistance"), "bi-heart"),
    Area("competitions", _("Labour competitions"), "bi-trophy"),
    Area("standards", _("Standardization"), "bi-award"),
    Area("reports", _("Reports"), "bi-bar-chart-line"),
)
PAGES: Registry[Page] = Registry("page", key=lambda page: page.url_name)


def menu(user) -> list[tuple[Area, list[Page]]]:
    """The areas with the pages `user` may open; an area none of whose pages exist yet shows
    as not open (an area whose pages all need a permission the user lacks is left out)."""
    shown = []
    for area in AREAS:
        pages = [p for p in PAGES if p.area == area.key]
        mine = sorted((p for p in pages if p.shown_to(user)), key=lambda p: p.order)
        if mine or not pages:
            shown.append((area, mine))
    return shown
