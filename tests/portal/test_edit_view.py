"""One edit view adds and edits (cohesion_portal.views.ScopedEditView): what the add page
takes from its query string never reaches an edit, an add has no version to check, and an
edit sent twice saves once, the second sending refused with what changed (nothing it held is
dropped unseen)."""

import pytest
from django.urls import reverse

from cohesion_portal.views import ScopedEditView
from unions.models import Enterprise

from .. import scoping
from ..pages import as_post_data, post_forms
from .test_view_walk import ROUTES, view_class


def form_fields(client, url):
    page = client.get(url)
    assert page.status_code == 200, url
    form = next(f for f in post_forms(page.content.decode()) if f["action"] in ("", url))
    return dict(form["fields"]), as_post_data(form["fields"])


def test_every_edit_view_has_its_add_and_its_edit_page():
    pages = {}
    for _name, pattern in ROUTES:
        cls = view_class(pattern)
        if cls and issubclass(cls, ScopedEditView):
            pages.setdefault(cls, set()).add(bool(pattern.pattern.converters))
    assert len(pages) >= 7, pages
    for cls, kinds in pages.items():
        assert kinds == {True, False}, f"{cls.__name__} serves one kind of page only"


@pytest.mark.django_db
def test_the_add_page_offers_the_union_of_its_query_string_and_the_edit_page_keeps_its_own(
    client, world
):
    enterprise = scoping.enterprise_in(world.deepest["A"])
    other = world.unions["A"]
    assert enterprise.union_id != other.pk
    client.force_login(world.users["officer_a"])

    add_fields, _ = form_fields(client, reverse("unions:enterprise_create") + f"?union={other.pk}")
    assert add_fields["union"] == str(other.pk)
    assert "record_version" not in add_fields  # nothing made yet, no version to check

    edit_url = reverse("unions:enterprise_edit", kwargs={"pk": enterprise.pk})
    edit_fields, _ = form_fields(client, edit_url + f"?union={other.pk}")
    assert edit_fields["union"] == str(enterprise.union_id)
    assert edit_fields["record_version"] == str(enterprise.version)


@pytest.mark.django_db
def test_an_edit_sent_twice_saves_once_and_the_second_is_told_why(client, world):
    enterprise = scoping.enterprise_in(world.deepest["A"])
    client.force_login(world.users["officer_a"])
    url = reverse("unions:enterprise_edit", kwargs={"pk": enterprise.pk})
    _, data = form_fields(client, url)
    data["name"] = ["大连双击测试服装有限公司"]

    first = client.post(url, data)
    second = client.post(url, data)  # the same form again: a double click, a resend

    assert first.status_code == 302
    assert second.status_code == 200  # refused: the record moved on since the form was opened
    assert second.context["record_changed"] is not None
    enterprise.refresh_from_db()
    assert enterprise.name == "大连双击测试服装有限公司"
    assert enterprise.history.filter(history_type="~").count() == 1
    assert Enterprise.objects.filter(name="大连双击测试服装有限公司").count() == 1
