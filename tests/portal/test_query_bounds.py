"""Every page of the portal runs a bounded number of queries that does not grow with the data.

The pages are found from the URL configuration (the view walk's routes), so a page a later app
adds fails here until its bound is written into the committed table, tests/portal/
query_bounds.py. Each page is opened by industry staff, who see most of the portal, on a small
and on a larger data set (a record of every model in one and then five more unions); its count
must be within its bound and no higher at the larger size, so an N+1 fails whatever the bound.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohesion_portal import plugins

from ..factories import make_union
from ..scoping import BUILDERS
from .query_bounds import BOUNDS as FIRST_APPS_BOUNDS
from .test_view_walk import PUBLIC, ROUTES, view_class

PAGES = [(name, pattern) for name, pattern in ROUTES if name not in PUBLIC]
BOUNDS = FIRST_APPS_BOUNDS | {
    name: bound
    for module in plugins.declared_modules("WALK_BUILDERS")
    for name, bound in getattr(module, "QUERY_BOUNDS", {}).items()
}


def grow(first: int, last: int) -> None:
    """Unions number `first` to `last`, each with a branch holding a record of every model."""
    for i in range(first, last + 1):
        branch = make_union(f"界限分会{i}", parent=make_union(f"界限工会{i}"))
        for builder in BUILDERS.values():
            builder(branch)


def urls(world) -> dict[str, str]:
    """{page: its URL, with a record of the page's model in union A where it takes one}."""
    found, built = {}, {}
    for name, pattern in PAGES:
        kwargs = {}
        if pattern.pattern.converters:
            model = view_class(pattern).model
            if model not in built:
                built[model] = BUILDERS[model](world.deepest["A"])
            kwargs["pk"] = built[model].pk
        found[name] = reverse(name, kwargs=kwargs)
    return found


def counts(client, pages: dict[str, str]) -> dict[str, int]:
    """{page: queries}; each page must open (a page that fails runs fewer queries, which would
    pass for an improvement), but for the actions that only take a POST."""
    counted = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        expected = 405 if "get" not in view_class(dict(PAGES)[name]).http_method_names else 200
        assert response.status_code == expected, (name, response.status_code)
        counted[name] = len(captured)
    return counted


def test_every_page_has_a_bound_and_every_bound_a_page():
    names = {name for name, _pattern in PAGES}
    assert not names - set(BOUNDS), f"write a bound for these pages: {sorted(names - set(BOUNDS))}"
    assert not set(BOUNDS) - names, f"bounds of pages that are gone: {sorted(set(BOUNDS) - names)}"


@pytest.mark.django_db
def test_every_page_stays_within_its_bound_as_the_data_grows(client, world):
    client.force_login(world.users["staff_lt"])
    pages = urls(world)
    grow(1, 1)
    small = counts(client, pages)
    grow(2, 6)
    large = counts(client, pages)
    over = {name: (n, BOUNDS.get(name)) for name, n in large.items() if n > BOUNDS.get(name, 0)}
    growing = {name: (small[name], large[name]) for name in pages if large[name] > small[name]}
    assert not over, f"over their bound (queries, bound): {over}"
    assert not growing, f"more queries with more data (small, large): {growing}"
