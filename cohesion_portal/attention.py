"""The attention list of the dashboard: what needs someone's attention, counted in the user's
area. Each app declares its own in ATTENTION of its portal.py (cohesion_portal.plugins):

    ATTENTION = [Attention("contracts.expiring", _("Contracts ending within 90 days"),
                           count=lambda user, today: expiring(today, user=user).count(),
                           url=lambda: f"{reverse('contracts:list')}?state=expiring")]

`count(user, today)` answers in one query; `url()` is the list behind the number, which filters
through the same scope, so the number and the list agree (a contract test holds every item to
that, for every persona).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class Attention:
    key: str
    label: str
    count: Callable[..., int]
    url: Callable[[], str]
    icon: str = "bi-exclamation-circle"
    order: int = 100
    # The right (access.CHANGE, INSPECT, APPROVE) that acts on it: a workbench's to-do list
    # shows it only to who holds that right somewhere (None: anyone who sees the count).
    acts: str | None = None

    def __reduce__(self):
        # Pickled (into the figures cache) as its key: the registry holds its functions.
        return (registered, (self.key,))


ITEMS: Registry[Attention] = Registry("attention item", key=lambda item: item.key)


def registered(key: str) -> Attention:
    return ITEMS[key]


def items() -> list[Attention]:
    return sorted(ITEMS, key=lambda item: (item.order, item.key))


def counted(user, today: datetime.date) -> list[tuple[Attention, int]]:
    return [(item, item.count(user, today)) for item in items()]


def acted_on_by(item: Attention, rights: frozenset[str]) -> bool:
    """Whether who holds `rights` (the actions they have somewhere) can act on `item`."""
    return item.acts is None or item.acts in rights
