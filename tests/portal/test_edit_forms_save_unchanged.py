"""Every edit form, opened and saved unchanged by each person who may change the record, saves.

A form that refuses its own values (a required field the role cannot fill, a choice it does
not offer) is a form that person can never save: the officer's own grassroots union answered
"这个字段是必填项" on its parent, every time. The forms are found from the URL configuration and
submitted as a browser would send them (tests/pages.py), so a new edit page is walked too.
"""

import pytest
from django.urls import reverse

from cohesion_portal.views import ScopedEditView, ScopedUpdateView
from unions.models import Union

from ..pages import as_post_data, post_forms
from ..scoping import BUILDERS
from .test_view_walk import ROUTE_IDS, ROUTES, may, view_class

EDITORS = ("officer_a", "staff_lt", "superuser")
EDIT_ROUTES = [
    (name, pattern)
    for name, pattern in ROUTES
    if view_class(pattern)
    and issubclass(view_class(pattern), (ScopedUpdateView, ScopedEditView))
    and pattern.pattern.converters  # (an edit view's add page has none)
]


def records_to_edit(model, world):
    """A record of `model` low in union A's tree; for unions, the grassroots union too."""
    records = [BUILDERS[model](world.deepest["A"])]
    if model is Union:
        records.append(world.unions["A"])
    return records


def test_the_walk_finds_the_edit_forms():
    names = {name for name, _ in EDIT_ROUTES}
    assert {"unions:union_edit", "contracts:edit"} <= names, names


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "pattern"), EDIT_ROUTES, ids=[i for i in ROUTE_IDS if i in dict(EDIT_ROUTES)]
)
def test_an_edit_form_saved_unchanged_saves(client, world, name, pattern):
    cls = view_class(pattern)
    records = records_to_edit(cls.model, world)
    for persona in EDITORS:
        if not may(persona, "A", cls, "post"):
            continue
        client.force_login(world.users[persona])
        for record in records:
            url = reverse(name, kwargs={"pk": record.pk})
            page = client.get(url)
            assert page.status_code == 200, f"{name} for {persona}"
            form = next(f for f in post_forms(page.content.decode()) if f["action"] in ("", url))
            response = client.post(url, as_post_data(form["fields"]))
            errors = response.context["form"].errors if response.context else None
            assert response.status_code == 302, f"{name} of {record} for {persona}: {errors}"
