"""Every page of a long list, near an end or deep in it, forwards or read from the end, shows
the rows the plain order puts there: each row once, none lost to a tie."""

import datetime

import pytest
from django.urls import reverse

from cohesion_portal import pagination
from unions.models import Member

from ..factories import enrol


@pytest.fixture
def long_list(world, monkeypatch):
    # Pages more than 5 rows from both ends take the two-step path: a few dozen rows show all.
    monkeypatch.setattr(pagination, "NEAR_AN_END", 5)
    days = [datetime.date(2026, 3, 1), datetime.date(2026, 4, 1), datetime.date(2026, 5, 1)]
    for index in range(80):  # three dates only: ties everywhere
        enrol(world.unions["A"], joined_on=days[index % 3])


@pytest.mark.parametrize("sort", ["-joined_on", "joined_on", "name"])
@pytest.mark.django_db
def test_every_page_shows_the_rows_of_the_plain_order(client, world, long_list, sort, settings):
    client.force_login(world.users["officer_a"])
    url = reverse("unions:member_list")
    # The plain order: the sort, then the primary key in the sort's direction.
    key = sort.lstrip("-")
    expected = list(
        Member.objects.filter(union=world.unions["A"])
        .order_by(sort, "-pk" if sort.startswith("-") else "pk")
        .values_list("pk", flat=True)
    )
    assert len(expected) == 80
    seen = []
    for number in range(1, 5):  # near the start, forwards, backwards, near the end
        table = client.get(url, {"sort": sort, "page": number}).context["table"]
        seen += [row.record.pk for row in table.page.object_list]
    assert seen == expected, key
