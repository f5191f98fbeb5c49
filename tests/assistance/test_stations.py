"""Assistance stations and love supermarkets, and T7 counted by hand: the units (enterprises) a
love supermarket open on the day serves, each once, in the reader's scope; an assistance
station is not a love supermarket; one closed no longer counts; the dashboard's T7 card."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from assistance.metrics import supermarket_units, supermarket_units_by_union
from assistance.models import Station, StationActivity
from assistance.services.stations import activity_add, station_save
from cohesion_portal.access import EVERYTHING, Reader
from standards.models import Plan

from ..factories import EnterpriseFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def a_station(world, label, enterprises, *, kind="supermarket", union=True, **fields):
    station = Station(
        kind=kind,
        industry_union=world.unions[label].industry_union,
        union=world.unions[label] if union else None,
        name=f"{label}{kind}",
        opened_on=fields.pop("opened_on", D(2026, 3, 1)),
        offers="米面油",
        **fields,
    )
    return station_save(actor=world.users["superuser"], station=station, enterprises=enterprises)


@pytest.fixture
def units(world):
    """Enterprises: four of A, two of C (light-textile), two of B (agri-water)."""
    return {
        label: [EnterpriseFactory(union=world.unions[label]) for _ in range(count)]
        for label, count in (("A", 4), ("C", 2), ("B", 2))
    }


def test_t7_counts_the_units_a_love_supermarket_open_on_the_day_serves(world, units):
    a, c, b = units["A"], units["C"], units["B"]
    a_station(world, "A", a[:2])  # A1, A2 from 1 March
    a_station(world, "A", a[1:3], opened_on=D(2026, 6, 1))  # A2 again, A3 from 1 June
    a_station(world, "A", [a[3]], kind="station")  # a station: not T7
    a_station(world, "C", c, closed_on=D(2026, 9, 30))  # C1, C2 until 30 September
    a_station(world, "B", b[:1], union=False)  # B1, the industry union's own
    everyone = Reader(EVERYTHING)
    assert supermarket_units(D(2026, 2, 28), user=everyone) == 0
    assert supermarket_units(D(2026, 3, 1), user=everyone) == 2 + 2 + 1  # A1 A2, C1 C2, B1
    assert supermarket_units(D(2026, 6, 1), user=everyone) == 3 + 2 + 1  # A3 joins
    assert supermarket_units(D(2026, 9, 30), user=everyone) == 3 + 1  # C's closed that day
    assert supermarket_units(D(2026, 9, 30), user=world.users["officer_a"]) == 3
    assert supermarket_units(D(2026, 9, 30), user=world.users["staff_aw"]) == 1
    assert supermarket_units(D(2026, 9, 30), user=world.users["no_role"]) == 0
    by_union = supermarket_units_by_union(D(2026, 1, 1), D(2026, 9, 29))
    assert by_union == {
        world.unions["A"].pk: 3,
        world.unions["C"].pk: 2,
        world.unions["B"].pk: 1,  # (its enterprise's union, though the industry union runs it)
    }


def test_t7_shows_on_the_dashboard(client, world, units):
    today = timezone.localdate()
    plan = Plan.objects.create(
        name="凝聚力工程",
        issued_by="产业工会",
        starts_on=today - datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=100),
    )
    plan.targets.create(
        code="T7",
        title="爱心超市覆盖更多单位",
        metric="assistance.love_supermarket_units",
        value=None,
        deadline=plan.ends_on,
    )
    a_station(world, "A", units["A"][:3], opened_on=today - datetime.timedelta(days=10))
    a_station(world, "B", units["B"], opened_on=today - datetime.timedelta(days=10))
    client.force_login(world.users["staff_lt"])
    dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    (card,) = [state for state in dashboard.targets if state.target.code == "T7"]
    assert (card.current, card.status) == (3, "rising")  # A's three; B is agri-water's
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "爱心超市覆盖更多单位" in page


def test_a_station_is_checked_before_it_is_saved(world, units):
    with pytest.raises(ValidationError) as refused:
        a_station(
            world,
            "A",
            [units["A"][0], units["C"][0]],  # C's enterprise under A's supermarket
            opened_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"opened_on", "enterprises"}
    assert units["C"][0].name in refused.value.message_dict["enterprises"][0]
    with pytest.raises(ValidationError) as refused:
        a_station(world, "A", [], closed_on=D(2026, 2, 1))  # before it opened
    assert refused.value.message_dict == {"closed_on": ["关闭日期不能早于开设日期。"]}
    with pytest.raises(ValidationError) as refused:  # B's enterprise, light-textile's own
        a_station(world, "A", [units["B"][0]], union=False)
    assert "enterprises" in refused.value.message_dict
    assert not Station.objects.exists()


def test_a_day_is_recorded_only_while_the_station_is_open(world, units):
    station = a_station(world, "A", units["A"][:1], closed_on=D(2026, 9, 30))
    for day in (D(2026, 2, 28), D(2026, 9, 30)):
        with pytest.raises(ValidationError) as refused:
            activity_add(
                actor=world.users["officer_a"],
                activity=StationActivity(station=station, day=day, visitors=3),
            )
        assert "开放" in refused.value.message_dict["day"][0]
    activity_add(
        actor=world.users["officer_a"],
        activity=StationActivity(
            station=station, day=D(2026, 9, 29), visitors=3, value=Decimal("300.00")
        ),
    )
    assert station.activities.get().history.first().history_user == world.users["officer_a"]


def test_a_negative_value_is_refused_on_the_page(client, world, units):
    station = a_station(world, "A", units["A"][:1])
    client.force_login(world.users["officer_a"])
    url = reverse("assistance:station_activity_add", args=[station.pk])
    response = client.post(
        url, {"day": "2026-09-29", "visitors": "3", "handouts": "米", "value": "-5"}
    )
    assert response.status_code == 200
    assert "确保该值大于或等于0" in response.content.decode()
    assert not StationActivity.objects.exists()
