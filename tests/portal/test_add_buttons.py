"""A list's "add" button comes from the list view's declared create page (ScopedListView's
`create_url_name`): shown to who may make a record there, never to a read-only role."""

import pytest
from django.urls import reverse

from ..standards.schemes import period_2026, small_scheme
from .test_view_walk import ROUTES, view_class

LISTS = [
    (name, view_class(pattern))
    for name, pattern in ROUTES
    if getattr(view_class(pattern), "create_url_name", None)
]


def test_the_lists_with_an_add_button_are_found():
    assert len(LISTS) >= 9, [name for name, _cls in LISTS]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "cls"), LISTS, ids=[name for name, _cls in LISTS])
def test_the_add_button_shows_to_writers_only(client, world, name, cls):
    period_2026(small_scheme())  # (a self-inspection can begin only in a period)
    create = f'href="{reverse(cls.create_url_name)}"'
    client.force_login(world.users["staff_lt"])
    assert create in client.get(reverse(name)).content.decode(), name
    for reader in ("leader_lt", "cadre_a"):
        client.force_login(world.users[reader])
        assert create not in client.get(reverse(name)).content.decode(), (name, reader)
