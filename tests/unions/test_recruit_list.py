"""T1's list: the rows T1 counts, each with the union that recruited them; a recruit since
transferred stays on the recruiting union's list, marked, and is linked only for who may open
the member's record."""

import datetime

import pytest
from django.urls import reverse

from unions.services import transfer_decide, transfer_request

from ..factories import enrol

D = datetime.date


@pytest.fixture
def moved(world):
    """Two recruits of union A this year; one has since been transferred to union B, which
    the officer of A may not see."""
    today = datetime.date.today()
    start = today.replace(month=1, day=1)
    stayer = enrol(world.unions["A"], name="留下的会员", born=D(1995, 1, 1), joined_on=start)
    mover = enrol(world.unions["A"], name="转走的会员", born=D(1996, 1, 1), joined_on=start)
    transfer = transfer_request(
        actor=world.users["staff_aw"], member=mover, to_union=world.unions["B"]
    )
    transfer_decide(actor=world.users["officer_a"], transfer=transfer, accept=True)
    enrol(world.unions["A"], born=D(1970, 1, 1), joined_on=start)  # too old for T1
    return world, start, stayer, mover


def rows(response):
    return {row.record.member.name: row for row in response.context["table"].page.object_list}


@pytest.mark.django_db
def test_a_recruit_transferred_out_stays_on_the_recruiting_unions_list_without_a_link(
    client, moved
):
    world, start, stayer, mover = moved
    client.force_login(world.users["officer_a"])
    response = client.get(reverse("unions:recruit_list"), {"since": start.isoformat()})
    page = response.content.decode()

    assert set(rows(response)) == {"留下的会员", "转走的会员"}
    assert stayer.get_absolute_url() in page
    assert mover.get_absolute_url() not in page  # B's member now: not the officer's to open
    assert "已转出" in page
    # The member page itself stays closed to the officer.
    assert client.get(mover.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_who_may_open_the_member_gets_the_link(client, moved):
    world, start, _stayer, mover = moved
    client.force_login(world.users["superuser"])
    response = client.get(reverse("unions:recruit_list"), {"since": start.isoformat()})
    assert mover.get_absolute_url() in response.content.decode()


@pytest.mark.django_db
def test_the_receiving_union_does_not_get_the_recruit(client, moved):
    world, start, _stayer, _mover = moved
    client.force_login(world.users["staff_aw"])  # B's industry union
    response = client.get(reverse("unions:recruit_list"), {"since": start.isoformat()})
    assert rows(response) == {}
