import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contracts.models import CongressSystem

from ..factories import EnterpriseFactory


@pytest.mark.django_db
def test_an_officer_adds_a_congress_and_a_session_and_t6_moves(client, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    EnterpriseFactory(union=world.unions["A"])
    client.force_login(world.users["officer_a"])
    assert client.get(reverse("contracts:congress_list")).context["t6"].covered == 0
    response = client.post(
        reverse("contracts:congress_create"),
        {
            "union": world.unions["A"].pk,
            "level": "enterprise",
            "name": "测试企业职代会",
            "enterprises": [enterprise.pk],
            "established_on": "2020-01-01",
        },
    )
    congress = CongressSystem.objects.get()
    assert response["Location"] == congress.get_absolute_url()
    session_url = reverse("contracts:congress_session", args=[congress.pk])
    bad = {
        "held_on": "2019-12-31",
        "delegates_elected": 30,
        "delegates_present": 25,
        "items": "审议",
    }
    response = client.post(session_url, bad)
    assert "held_on" in response.context["form"].errors
    good = {**bad, "held_on": (timezone.localdate() - datetime.timedelta(days=30)).isoformat()}
    client.post(session_url, good)
    t6 = client.get(reverse("contracts:congress_list")).context["t6"]
    assert (t6.covered, t6.unionized, t6.own) == (1, 2, 1)


@pytest.mark.django_db
def test_more_delegates_present_than_elected_is_refused(client, world):
    from ..scoping import congress_of

    congress = congress_of(world.unions["A"])
    client.force_login(world.users["officer_a"])
    response = client.post(
        reverse("contracts:congress_session", args=[congress.pk]),
        {
            "held_on": "2026-01-05",
            "delegates_elected": 10,
            "delegates_present": 11,
            "items": "审议",
        },
    )
    assert response.context["form"].errors["delegates_present"]
    assert not congress.sessions.exists()


@pytest.mark.django_db
def test_more_delegates_than_a_number_column_holds_is_refused_not_a_server_error(client, world):
    from ..scoping import congress_of

    congress = congress_of(world.unions["A"])
    client.force_login(world.users["officer_a"])
    response = client.post(
        reverse("contracts:congress_session", args=[congress.pk]),
        {
            "held_on": "2026-01-05",
            "delegates_elected": "9" * 23,
            "delegates_present": "9" * 23,
            "items": "审议",
        },
    )
    errors = response.context["form"].errors
    assert errors["delegates_elected"] == ["确保该值小于或等于2147483647。"]
    assert not congress.sessions.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", ["9" * 30, "-1", "x"])
def test_an_enterprise_that_is_no_id_is_no_choice_not_a_server_error(client, world, chosen):
    # A number past 64 bits went into one SQL "IN (...)" that SQLite cannot even send.
    client.force_login(world.users["officer_a"])
    response = client.post(
        reverse("contracts:congress_create"),
        {
            "union": world.unions["A"].pk,
            "level": "enterprise",
            "name": "测试企业职代会",
            "enterprises": [chosen],
            "established_on": "2020-01-01",
        },
    )
    assert response.context["form"].errors["enterprises"] == [
        f"选择一个有效的选项。 {chosen} 不在可用的选项中。"
    ]
    assert not CongressSystem.objects.exists()
