"""The attention list of the dashboard: what needs someone's attention, counted in the user's
area. Each app registers its own in its AppConfig.ready():

    attention.register(Attention("contracts.expiring", _("Contracts ending within 90 days"),
                                 count=expiring_count, url="/contracts/?state=expiring"))

`count(user, today)` answers in one query; `url` is the list behind the number, which filters
through the same scope, so the number and the list agree.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Attention:
    key: str
    label: str
    count: Callable[..., int]
    url: Callable[[], str]
    icon: str = "bi-exclamation-circle"
    order: int = 100

    def __reduce__(self):
        # Pickled (into the figures cache) as its key: the registry holds its functions.
        return (registered, (self.key,))


_items: dict[str, Attention] = {}


def register(item: Attention) -> None:
    _items[item.key] = item


def registered(key: str) -> Attention:
    return _items[key]


def items() -> list[Attention]:
    return sorted(_items.values(), key=lambda item: (item.order, item.key))


def counted(user, today: datetime.date) -> list[tuple[Attention, int]]:
    return [(item, item.count(user, today)) for item in items()]
