"""Every page with garbage in every query parameter it reads: an answer (2xx–4xx, the parameter
ignored or refused), never a server error.

The parameters are not listed by hand: the walk opens each page once and records which names
the page asks its query string for (the filters, the sorting, the paging, ids in links), then
sends each of them with each value of GARBAGE. A page that learns a new parameter is walked
with it too.
"""

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from standards.models import Survey
from unions.services import union_join_code

from ..scoping import BUILDERS
from .test_view_walk import PUBLIC, ROUTE_IDS, ROUTES, view_class

# What a hand-edited link or a probe sends: words, SQL, signs, a number past any id, digits
# that are not numbers, bad dates, control characters, markup, a long value.
GARBAGE = (
    "x",
    "1 OR 1=1",
    "-1",
    "0",
    "99999999999999999999999",
    "²",
    "1.5",
    "2026-13-45",
    "\x00",
    "<script>alert(1)</script>",
    "'; DROP TABLE unions_union; --",
    "9" * 4000,
)
# Sent in each parameter alone; all of GARBAGE goes in every parameter at once.
SHARPEST = ("x", "-1", "²")
# Names the pages share, asked for even when the first visit did not read them.
COMMON = ("page", "sort", "q", "union", "parent", "month", "industry_union", "cadre", "period")


class ReadNames:
    """Records the names asked of any QueryDict while it is active."""

    def __init__(self, monkeypatch):
        self.names = set()
        for method in ("get", "getlist", "__getitem__", "__contains__"):
            original = getattr(MultiValueDict, method, None) or getattr(dict, method)
            monkeypatch.setattr(QueryDict, method, self._recording(original), raising=False)

    def _recording(self, original):
        names = self.names

        def method(query, key, *args, **kwargs):
            if isinstance(key, str):
                names.add(key)
            return original(query, key, *args, **kwargs)

        return method


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
def test_garbage_in_any_query_parameter_is_never_a_server_error(
    client, world, monkeypatch, name, pattern
):
    cls = view_class(pattern)
    if cls is not None and "get" not in cls.http_method_names:
        return
    url = url_of(name, pattern, world)
    for persona in ("superuser", "officer_a"):
        if name not in PUBLIC:
            client.force_login(world.users[persona])
        with monkeypatch.context() as patch:
            read = ReadNames(patch)
            client.get(url)
        names = sorted(read.names | set(COMMON))
        if persona == "superuser":  # (who reaches every branch of a page)
            for parameter in sorted(read.names):
                for value in SHARPEST:
                    response = client.get(url, {parameter: value})
                    assert response.status_code < 500, f"{name} ?{parameter}={value[:30]!r}"
        for value in GARBAGE:
            response = client.get(url, dict.fromkeys(names, value))
            assert response.status_code < 500, f"{name} as {persona}, all = {value[:30]!r}"
        response = client.get(url, {n: ["x", "-1"] for n in names})
        assert response.status_code < 500, f"{name} as {persona}, every parameter twice"
