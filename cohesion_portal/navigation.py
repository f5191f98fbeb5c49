"""The sidebar: the plan's areas, and the pages each app registers under them.

An app adds its pages in its AppConfig.ready():

    navigation.register("contracts", _("Collective contracts"), "contracts:list", "bi-file-text")

An area that no app has registered a page for yet is shown greyed out as "not yet open".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    icon: str


@dataclass(frozen=True)
class Item:
    area: str
    label: str
    url_name: str
    icon: str
    order: int = 100


# The areas of the plan (the design card), in the order the plan gives them.
AREAS = (
    Area("organisation", _("Organisation & members"), "bi-diagram-3"),
    Area("contracts", _("Collective contracts"), "bi-file-earmark-text"),
    Area("assistance", _("Assistance"), "bi-heart"),
    Area("competitions", _("Labour competitions"), "bi-trophy"),
    Area("standards", _("Standardization"), "bi-award"),
    Area("reports", _("Reports"), "bi-bar-chart-line"),
)
_AREA_KEYS = {area.key for area in AREAS}
_items: list[Item] = []


def register(area: str, label, url_name: str, icon: str = "bi-dot", order: int = 100) -> None:
    if area not in _AREA_KEYS:
        raise ValueError(f"Unknown navigation area {area!r}; known: {sorted(_AREA_KEYS)}")
    if any(item.url_name == url_name for item in _items):
        return  # ready() may run twice in tests
    _items.append(Item(area, label, url_name, icon, order))


def menu() -> list[tuple[Area, list[Item]]]:
    return [
        (area, sorted((i for i in _items if i.area == area.key), key=lambda i: i.order))
        for area in AREAS
    ]
