"""The one way to plug an app in (cohesion_portal.plugins): what the start-up refuses."""

import types

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured

from cohesion_portal import metrics, navigation, plugins
from cohesion_portal.navigation import Page


def declaration(**names):
    return types.SimpleNamespace(__name__="somewhere.portal", **names)


def metric(key):
    return metrics.Metric(key, key, metrics.UNITS)


@pytest.fixture
def forget_the_app():
    yield
    for registry in plugins.REGISTRIES.values():
        registry.remove_app("newcomer")


def test_every_app_of_the_portal_is_plugged_in_the_one_way():
    labels = [config.label for config in plugins.portal_apps()]
    assert labels[:7] == [
        "unions",
        "reminders",
        "contracts",
        "assistance",
        "competitions",
        "standards",
        "reports",
    ]
    owners = {
        owner for registry in plugins.REGISTRIES.values() for owner in registry.owners().values()
    }
    assert owners <= set(labels)


def test_a_key_declared_twice_stops_the_start(forget_the_app):
    twice = declaration(METRICS=[metric("newcomer.visits"), metric("newcomer.visits")])
    with pytest.raises(ImproperlyConfigured, match=r"'newcomer.visits' is declared twice"):
        plugins.declare("newcomer", twice)


def test_a_key_of_another_app_is_refused(forget_the_app):
    with pytest.raises(ImproperlyConfigured, match=r"'newcomer'.*'contracts.coverage'"):
        plugins.declare("newcomer", declaration(METRICS=[metric("contracts.coverage")]))
    assert metrics.METRICS.owner("contracts.coverage") == "contracts"  # not replaced
    with pytest.raises(ImproperlyConfigured, match="must start with 'newcomer'"):
        plugins.declare("newcomer", declaration(PAGES=[Page("reports", "x", "reports:dashboard")]))


def test_a_name_the_portal_does_not_know_is_refused_rather_than_ignored(forget_the_app):
    with pytest.raises(ImproperlyConfigured, match="ATENTION"):
        plugins.declare("newcomer", declaration(ATENTION=[]))


def test_declaring_an_app_again_replaces_its_own_items_only(forget_the_app):
    plugins.declare("newcomer", declaration(METRICS=[metric("newcomer.a"), metric("newcomer.b")]))
    plugins.declare("newcomer", declaration(METRICS=[metric("newcomer.a")]))
    assert metrics.get("newcomer.a") and metrics.get("newcomer.b") is None
    assert metrics.get("contracts.coverage") is not None


def test_a_page_in_an_area_the_plan_does_not_have_is_refused():
    with pytest.raises(ValueError, match="Unknown navigation area"):
        Page("nowhere", "x", "newcomer:list")
    assert next(area.key for area, _pages in navigation.menu(AnonymousUser())) == "organisation"
