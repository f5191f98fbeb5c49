"""An id typed into a query string that names something outside the user's scope (a union, an
enterprise, an area cadre, an industry union) tells them nothing: the page is the same as for
an id that names nothing at all, so neither a name nor a figure of what is not theirs leaks.

The pages are found from the URL configuration, and the parameters from what each page reads
(as the hostile query-string walk records them), so a later app's pages are walked too. The
foreign records sit in an industry union of their own, with a record of every model, under ids
chosen so that they can be told apart from every other number on a page.
"""

import re

import pytest
from django.urls import reverse

from unions.models import AreaAssignment, IndustryUnion, RoleKind, Union
from unions.services import union_create

from ..factories import EnterpriseFactory, make_user
from ..scoping import BUILDERS
from .test_hostile_query_strings import ReadNames
from .test_view_walk import PUBLIC, ROUTES, view_class

FOREIGN, MISSING = 987_654, 987_653  # (the missing id names nothing of any kind)
ID_PARAMETERS = ("union", "parent", "enterprise", "cadre", "industry_union")
# Who sees neither the foreign industry union nor anything in it (the superuser and the
# leadership of both industry unions see everything: nothing of it is foreign to them).
OUTSIDERS = ("officer_a", "cadre_a", "staff_lt", "staff_aw", "leader_lt", "no_role")
PAGES = [(name, pattern) for name, pattern in ROUTES if name not in PUBLIC]


def foreign_world():
    """An industry union, a grassroots union with a record of every model, an enterprise and
    an area cadre, each under the id FOREIGN."""
    industry = IndustryUnion.objects.create(
        pk=FOREIGN, code="foreign", name="外系统产业工会", short_name="外系统"
    )
    union = union_create(
        actor=None, industry_union=industry, parent=None, name="外系统基层工会", kind="committee"
    )
    Union.objects.filter(pk=union.pk).update(id=FOREIGN, path=f"{FOREIGN:08d}/")
    union = Union.objects.get(pk=FOREIGN)
    for builder in BUILDERS.values():
        builder(union)
    EnterpriseFactory(pk=FOREIGN, union=union, name="外系统企业")
    cadre = make_user(RoleKind.AREA_CADRE, industry_union=industry, id=FOREIGN)
    AreaAssignment.objects.create(cadre=cadre, union=union, starts_on="2024-01-01")


def page_text(response) -> str | None:
    """The page, with what differs between two requests for the same thing taken out: the
    id asked for, the CSRF token and a form's one-time id. None for a file (it carries its
    own time)."""
    if not response.get("Content-Type", "").startswith(("text/html", "application/json")):
        return None
    text = response.content.decode()
    text = re.sub(rf"(?<!\d)({FOREIGN}|{MISSING})(?!\d)", "ID", text)
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)
    text = re.sub(r'"X-CSRFToken": "[^"]*"', "", text)  # (htmx's header, in the page's head)
    return re.sub(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "", text)  # (a form's own id)


def url_of(name, pattern, world) -> str:
    if not pattern.pattern.converters:
        return reverse(name)
    return reverse(name, kwargs={"pk": BUILDERS[view_class(pattern).model](world.deepest["A"]).pk})


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern"), PAGES, ids=[name for name, _p in PAGES])
def test_a_foreign_id_in_the_query_string_tells_nothing(client, world, monkeypatch, name, pattern):
    if "get" not in view_class(pattern).http_method_names:
        return
    foreign_world()
    url = url_of(name, pattern, world)
    client.force_login(world.users["superuser"])
    with monkeypatch.context() as patch:
        read = ReadNames(patch)
        client.get(url)
    parameters = [p for p in ID_PARAMETERS if p in read.names]
    for persona in OUTSIDERS:
        client.force_login(world.users[persona])
        for parameter in parameters:
            foreign = client.get(url, {parameter: FOREIGN})
            missing = client.get(url, {parameter: MISSING})
            where = f"{name}?{parameter}= as {persona}"
            assert foreign.status_code == missing.status_code, where
            assert page_text(foreign) == page_text(missing), f"{where} differs from a missing id"
