"""Every page that takes a POST refuses one without the form's CSRF token (logged in or not):
a page elsewhere cannot make a signed-in officer's browser change records."""

import pytest
from django.test import Client
from django.urls import reverse

from standards.models import Survey
from unions.services import union_join_code

from ..scoping import BUILDERS
from .test_view_walk import ROUTE_IDS, ROUTES, view_class


def url_of(name, pattern, world):
    if name == "join":
        return reverse(name, args=[union_join_code(union=world.unions["A"])])
    if name == "survey":
        return reverse(name, args=[BUILDERS[Survey](world.unions["A"]).code])
    if not pattern.pattern.converters:
        return reverse(name)
    return reverse(name, kwargs={"pk": BUILDERS[view_class(pattern).model](world.deepest["A"]).pk})


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_a_post_without_the_csrf_token_is_refused(world, name, pattern):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.users["superuser"])
    response = browser.post(url_of(name, pattern, world), {})
    assert response.status_code == 403, name
    assert "CSRF" in response.content.decode(), name  # (Django's CSRF failure page)
