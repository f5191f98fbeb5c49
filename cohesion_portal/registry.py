"""A registry of what apps add to a shared page: the sidebar, the figures, the 月报, the Excel
report, the attention list, the reminder rules. Items are added at start-up by
`cohesion_portal.plugins` from each app's declaration, never by hand.

Each item has a key that starts with the label of the app that adds it ("contracts.coverage",
"contracts:list"), and a key is added once: a second item under a key, or a key of another
app's, stops the portal at start-up, naming both, rather than one app's item silently
replacing another's.
"""

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured

Item = TypeVar("Item")


def key_belongs_to(key: str, app_label: str) -> bool:
    """`contracts.coverage` and `contracts:list` belong to the app `contracts`."""
    return key.startswith((f"{app_label}.", f"{app_label}:"))


class Registry(Generic[Item]):
    def __init__(self, what: str, key: Callable[[Item], str]):
        self.what = what  # for the messages: "metric", "sheet"...
        self._key = key
        self._items: dict[str, Item] = {}
        self._owners: dict[str, str] = {}

    def add(self, item: Item, *, app_label: str) -> None:
        key = self._key(item)
        if not key_belongs_to(key, app_label):
            raise ImproperlyConfigured(
                f"The app {app_label!r} declares the {self.what} {key!r}: "
                f"its keys must start with {app_label!r} and a dot (or a colon for a page)."
            )
        if key in self._items:
            raise ImproperlyConfigured(
                f"The {self.what} {key!r} is declared twice "
                f"(by {self._owners[key]!r} and by {app_label!r})."
            )
        self._items[key] = item
        self._owners[key] = app_label

    def remove_app(self, app_label: str) -> None:
        """Forget what `app_label` added (for a test that loads a declaration again)."""
        for key in [key for key, owner in self._owners.items() if owner == app_label]:
            del self._items[key], self._owners[key]

    def get(self, key: str) -> Item | None:
        return self._items.get(key)

    def __getitem__(self, key: str) -> Item:
        return self._items[key]

    def __contains__(self, key: str) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[Item]:
        return iter(list(self._items.values()))

    def __len__(self) -> int:
        return len(self._items)

    def owner(self, key: str) -> str:
        return self._owners[key]

    def owners(self) -> dict[str, str]:
        """{key: the label of the app that declared it}."""
        return dict(self._owners)
