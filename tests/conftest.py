"""Personas, as Healthchecks has alice, bob and charlie, and a small world to test scope in.

A   a light-textile union with a branch and a group; the area cadre is assigned A
C   another light-textile union, nobody's area
B   an agriculture-water union
"""

import datetime
import os
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Permission

from unions.models import AreaAssignment, RoleKind

from .factories import EnterpriseFactory, industry, make_union, make_user

PERSONAS = (
    "officer_a",
    "cadre_a",
    "staff_lt",
    "staff_aw",
    "leader_all",
    "leader_lt",
    "superuser",
    "no_role",
)
# What each persona may see and change, by hand from architecture.md "Access".
VISIBLE = {
    "officer_a": {"A"},
    "cadre_a": {"A"},
    "staff_lt": {"A", "C"},
    "staff_aw": {"B"},
    "leader_all": {"A", "B", "C"},
    "leader_lt": {"A", "C"},
    "superuser": {"A", "B", "C"},
    "no_role": set(),
}
WRITABLE = {
    "officer_a": {"A"},
    "cadre_a": set(),
    "staff_lt": {"A", "C"},
    "staff_aw": {"B"},
    "leader_all": set(),
    "leader_lt": set(),
    "superuser": {"A", "B", "C"},
    "no_role": set(),
}
# Who holds the assistance permission (assistance.view_individuals): hardship files, aid and
# appeals by name. The area cadre and the leaders read the figures only.
PERSONAL = {"officer_a", "staff_lt", "staff_aw", "superuser"}
# Who sees what belongs to a whole industry union (the monthly Excel report the monthly job
# produces for it): those who oversee that industry union as a whole, not its officers or cadres.
INDUSTRY_WIDE = {
    **{p: set() for p in VISIBLE},
    "staff_lt": {"A", "C"},
    "staff_aw": {"B"},
    "leader_all": {"A", "B", "C"},
    "leader_lt": {"A", "C"},
    "superuser": {"A", "B", "C"},
}
# The 3A assessment's own rights (cohesion_portal.access): inspect (考核) and approve.
INSPECTABLE = {
    **{p: set() for p in VISIBLE},
    "cadre_a": {"A"},
    "staff_lt": {"A", "C"},
    "staff_aw": {"B"},
    "superuser": {"A", "B", "C"},
}
APPROVABLE = {
    **{p: set() for p in VISIBLE},
    "staff_lt": {"A", "C"},
    "staff_aw": {"B"},
    "superuser": {"A", "B", "C"},
}


@dataclass
class World:
    unions: dict = field(default_factory=dict)  # label -> the grassroots union
    deepest: dict = field(default_factory=dict)  # label -> the lowest unit under it
    users: dict = field(default_factory=dict)  # persona -> user


@pytest.fixture
def world(db):
    w = World()
    lt, aw = industry("light-textile"), industry("agri-water")
    for label, industry_code in (
        ("A", "light-textile"),
        ("C", "light-textile"),
        ("B", "agri-water"),
    ):
        root = make_union(f"单元{label}工会委员会", industry_code=industry_code)
        branch = make_union(f"单元{label}一车间分会", parent=root)
        group = make_union(f"单元{label}第一小组", parent=branch, kind="group")
        w.unions[label], w.deepest[label] = root, group
    w.users["officer_a"] = make_user(
        RoleKind.GRASSROOTS_OFFICER, union=w.unions["A"], username="officer_a"
    )
    w.users["cadre_a"] = make_user(RoleKind.AREA_CADRE, industry_union=lt, username="cadre_a")
    AreaAssignment.objects.create(
        cadre=w.users["cadre_a"], union=w.unions["A"], starts_on=datetime.date(2024, 1, 1)
    )
    w.users["staff_lt"] = make_user(RoleKind.INDUSTRY_STAFF, industry_union=lt, username="staff_lt")
    w.users["staff_aw"] = make_user(RoleKind.INDUSTRY_STAFF, industry_union=aw, username="staff_aw")
    w.users["leader_all"] = make_user(RoleKind.LEADERSHIP, username="leader_all")
    w.users["leader_lt"] = make_user(RoleKind.LEADERSHIP, industry_union=lt, username="leader_lt")
    w.users["superuser"] = make_user(username="root", is_superuser=True, is_staff=True)
    w.users["no_role"] = make_user(username="no_role")
    personal = Permission.objects.get(codename="view_individuals")
    for persona in PERSONAL - {"superuser"}:
        w.users[persona].user_permissions.add(personal)
    return w


@pytest.fixture
def unaffiliated(world):
    """An enterprise without a union in each industry union."""
    return {
        "light-textile": EnterpriseFactory(name="无工会轻纺企业", industry_union=industry()),
        "agri-water": EnterpriseFactory(
            name="无工会农林企业", industry_union=industry("agri-water"), sector="water"
        ),
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is slow by design; tests that are about hashing set it back (test_accounts.py).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_in_process(request):
    """Tasks a page starts run in the test's own process, as in the embedded default, even
    where a broker is configured: only a test that brings a real worker sends them to it."""
    from cohesion_portal.celery import app

    if {"worker", "workers"} & set(request.fixturenames):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _figures_computed_on_every_visit(settings):
    # A test's transaction never commits, so the data version never moves inside it: cached
    # figures would outlive the writes. The cache has its own tests (test_data_version.py).
    settings.FIGURES_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _chinese_first():
    """Every test starts in the portal's first language, as a new visitor does."""
    from django.utils import translation

    translation.activate("zh-hans")
    yield
    translation.deactivate()


def skip_unless_available(available: bool, reason: str, required_by: str) -> None:
    """Skip a test whose browser or service is missing, unless CI said it must run
    (COHESION_REQUIRE_BROWSER, COHESION_REQUIRE_SERVICES): then a skip would hide a gap."""
    if available:
        return
    if os.environ.get(required_by, "") not in ("", "0"):
        pytest.fail(f"{reason} ({required_by} is set, so this must run)")
    pytest.skip(reason)
