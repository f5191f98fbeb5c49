"""Every URL of the project, with every persona, and objects in and out of their scope.

Nothing here lists the views: they are found from the URL configuration, so a view that a later
issue adds is walked too. A view whose model has no builder in tests/scoping.py, or which does
not sit behind the login and the scope, fails here by name.
"""

import io
import zipfile

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cohesion_portal import plugins
from cohesion_portal.access import SharedQuerySet, personal_permission_of
from cohesion_portal.views import PortalViewMixin, ScopedViewMixin

from ..conftest import (
    APPROVABLE,
    INDUSTRY_WIDE,
    INSPECTABLE,
    PERSONAL,
    PERSONAS,
    VISIBLE,
    WRITABLE,
)
from ..scoping import BUILDERS, build_records

# Pages a visitor reaches without logging in. Keep this list short and deliberate.
PUBLIC = {"login", "set_language", "logout", "join", "survey", "appeal", "appeal_track"}
# The admin has its own gate (superusers only), tested in test_admin_gate below.
SKIP_NAMESPACES = {"admin"}


def walk(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if inner in SKIP_NAMESPACES:
                continue
            yield from walk(entry.url_patterns, f"{inner}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


ROUTES = sorted(walk(), key=lambda item: item[0])
ROUTE_IDS = [name for name, _ in ROUTES]


def view_class(pattern):
    return getattr(pattern.callback, "view_class", None)


@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_every_view_is_behind_login_and_scope(name, pattern):
    if name in PUBLIC:
        return
    cls = view_class(pattern)
    assert cls is not None and issubclass(cls, PortalViewMixin), (
        f"{name}: every page must be a PortalViewMixin view (login, title), or be listed in PUBLIC"
    )
    params = set(pattern.pattern.converters)
    if params:
        assert params == {"pk"}, f"{name}: the walk knows how to fill <pk> only, not {params}"
        assert issubclass(cls, ScopedViewMixin), f"{name} takes an object id but is not scoped"
        model = cls.model
        assert model in BUILDERS, (
            f"{name}: register a builder for {model.__name__} in tests/scoping.py"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_anonymous_visitors_are_sent_to_login(client, name, pattern, world):
    if name in PUBLIC:
        return
    kwargs = {}
    if pattern.pattern.converters:
        kwargs["pk"] = BUILDERS[view_class(pattern).model](world.deepest["A"]).pk
    for method in (client.get, client.post):
        response = method(reverse(name, kwargs=kwargs))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


ACTION_SCOPES = {
    "view": VISIBLE,
    "change": WRITABLE,
    "inspect": INSPECTABLE,
    "approve": APPROVABLE,
}
# Industry staff and superusers manage what belongs to the industry unions together.
MANAGERS = {"staff_lt", "staff_aw", "superuser"}


def is_shared(model) -> bool:
    """Plans, schemes, periods: rows of no union, read by every role (SharedQuerySet)."""
    return isinstance(model._default_manager.get_queryset(), SharedQuerySet)


def is_industry_wide(model) -> bool:
    """Rows that belong to a whole industry union, not to a union in it (MonthlyExport)."""
    return getattr(model._default_manager.get_queryset(), "industry_wide", False)


def names_outside(records, persona):
    return [
        str(obj)
        for label, parts in records.items()
        if label not in VISIBLE[persona]
        for obj in [*parts["units"], *(o for m, o in parts["built"].items() if not is_shared(m))]
    ]


def action_of(cls, method="get") -> str:
    """The right a request needs: the view's own (inspect, approve), else change to write."""
    if cls.scope_action in ("inspect", "approve"):
        return cls.scope_action
    return "change" if cls.scope_action == "change" or method == "post" else "view"


def may(persona, label, cls, method="get") -> bool:
    action = action_of(cls, method)
    if is_shared(cls.model):
        return bool(VISIBLE[persona]) and (action == "view" or persona in MANAGERS)
    if is_industry_wide(cls.model):
        # Seen by who oversees the whole industry union; acted on (tried again) by its staff.
        return label in INDUSTRY_WIDE[persona] and (action == "view" or persona in MANAGERS)
    return label in ACTION_SCOPES[action][persona]


def lacks_permission(persona, cls) -> bool:
    """A worker's personal records (hardship files...) need a permission beyond the scope: a
    persona without it is refused every such page, in scope or not (403, naming nothing)."""
    model = getattr(cls, "model", None)
    return model is not None and bool(personal_permission_of(model)) and persona not in PERSONAL


def expected_status(persona, label, cls, method="get"):
    """What a persona should get for an object of union `label` on a view of class `cls`:
    404 outside what they see; 403 where they see but may not do what the request asks."""
    if lacks_permission(persona, cls):
        return 403
    if is_shared(cls.model):
        visible = bool(VISIBLE[persona])
    elif is_industry_wide(cls.model):
        visible = label in INDUSTRY_WIDE[persona]
    else:
        visible = label in VISIBLE[persona]
    if not visible:
        return 404
    return 200 if may(persona, label, cls, method) else 403


def response_text(response) -> str:
    """What a person could read in a response: the page, or every sheet of a workbook."""
    content_type = response.get("Content-Type", "")
    if content_type in ("application/pdf", "image/png", "image/jpeg"):
        return b"".join(response.streaming_content).decode("latin-1")
    if "spreadsheetml" in content_type:
        data = b"".join(response.streaming_content) if response.streaming else response.content
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            return "".join(workbook.read(name).decode() for name in workbook.namelist())
    assert content_type.startswith(("text/", "application/json")), content_type
    return response.content.decode()


def assert_no_leak(response, hidden, where):
    page = response_text(response)
    leaked = [name for name in hidden if name in page]
    assert not leaked, f"{where} shows records outside the scope: {leaked}"


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_objects_outside_the_scope_are_404_and_never_shown(client, world, name, pattern):
    """The records are built once per route; each persona's requests run in a savepoint rolled
    back afterwards, so what one persona's POST changed is not there for the next."""
    if name in PUBLIC:
        return
    records = build_records(world)
    for persona in PERSONAS:
        client.force_login(world.users[persona])
        with transaction.atomic():
            walk_route_as(client, records, name, pattern, persona)
            transaction.set_rollback(True)


def walk_route_as(client, records, name, pattern, persona):
    cls = view_class(pattern)
    hidden = names_outside(records, persona)
    where = f"{name} for {persona}"
    if pattern.pattern.converters:
        for label in ("A", "B", "C"):
            url = reverse(name, kwargs={"pk": records[label]["built"][cls.model].pk})
            if "get" in cls.http_method_names:
                response = client.get(url)
                assert response.status_code == expected_status(persona, label, cls), where
                assert_no_leak(response, hidden, where)
            # Anything that writes needs the change scope: outside it, the object is not there.
            response = client.post(url, {})
            if lacks_permission(persona, cls):
                assert response.status_code == 403, where
            elif not hasattr(cls, "post"):
                assert response.status_code == 405, where
            elif may(persona, label, cls, "post"):
                # (403 allowed: some actions need a permission beyond the scope)
                assert response.status_code not in (404, 405, 500), where
            else:
                assert response.status_code == expected_status(persona, label, cls, "post"), where
        return
    response = client.get(reverse(name))
    required = getattr(cls, "required_action", None)
    if lacks_permission(persona, cls) or (required and not ACTION_SCOPES[required][persona]):
        assert response.status_code == 403, where
        assert client.post(reverse(name), {}).status_code == 403, where
        return
    assert response.status_code == 200, where
    assert_no_leak(response, hidden, where)


@pytest.mark.django_db
def test_the_admin_lets_in_superusers_only(client, world):
    for persona in PERSONAS:
        client.force_login(world.users[persona])
        response = client.get(reverse("admin:unions_enterprise_changelist"))
        assert response.status_code == (200 if persona == "superuser" else 302), persona


def portal_apps_and_ground():
    """The portal's own apps: the plugged-in ones, the accounts and the ground they stand on."""
    ground = [apps.get_app_config(label) for label in ("cohesion_portal", "accounts")]
    return [*ground, *plugins.portal_apps()]


@pytest.mark.django_db
def test_every_model_has_an_admin_page_that_opens(client, world):
    from django.contrib import admin

    client.force_login(world.users["superuser"])
    for config in portal_apps_and_ground():
        for model in config.get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert admin.site.is_registered(model), f"{model.__name__} has no admin"
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            assert client.get(url, {"q": "测试"}).status_code == 200, url
