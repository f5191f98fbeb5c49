"""Titles (工人先锋号, 劳动模范…): a union nominates, the industry union decides once; titles won
in a period counted by hand for each grassroots union."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from competitions.metrics import titles_won_by_union
from competitions.models import Title
from competitions.services import title_decide, title_save

from ..pages import as_post_data, post_forms

pytestmark = pytest.mark.django_db
D = datetime.date


def nominated(world, label="A", **fields) -> Title:
    values = {
        "union": world.unions[label],
        "kind": "pioneer",
        "holder": "维修班",
        "level": "industry",
        "year": 2026,
        "citation": "全年安全生产无事故。",
    } | fields
    return title_save(actor=world.users["officer_a"], title=Title(**values))


def test_a_nomination_is_decided_once_and_then_kept_as_it_is(world):
    staff = world.users["staff_lt"]
    with pytest.raises(ValidationError) as error:
        nominated(world, year=1999)
    assert set(error.value.message_dict) == {"year"}
    title = nominated(world)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        title_decide(actor=staff, title=title, awarded=True, on=tomorrow)
    assert set(error.value.message_dict) == {"decided_on"}
    decided = title_decide(actor=staff, title=title, awarded=True, on=D(2026, 4, 28))
    assert (decided.status, decided.decided_by) == ("awarded", staff)
    with pytest.raises(ValidationError):
        title_decide(
            actor=staff, title=Title.objects.get(pk=title.pk), awarded=False, on=D(2026, 5, 1)
        )
    decided.holder = "改名"
    with pytest.raises(ValidationError):
        title_save(actor=world.users["officer_a"], title=decided)
    assert Title.objects.get(pk=title.pk).holder == "维修班"
    assert [h.status for h in decided.history.order_by("history_date")] == [
        "nominated",
        "awarded",
    ]


def test_titles_won_in_a_period_by_hand(world):
    a, c = world.unions["A"], world.unions["C"]
    first = nominated(world, "A")
    second = nominated(world, "A", kind="model_worker", holder="王建国", level="municipal")
    third = nominated(world, "C")
    nominated(world, "C", holder="质检组")  # never decided
    staff = world.users["staff_lt"]
    # The second is the higher body's decision of 1 October, recorded later by the staff.
    for title, awarded, on in (
        (first, True, D(2026, 4, 28)),
        (second, True, D(2026, 10, 1)),
        (third, False, D(2026, 4, 28)),
    ):
        title_decide(actor=staff, title=title, awarded=awarded, on=on)
    assert titles_won_by_union(D(2026, 1, 1), D(2026, 12, 31)) == {a.pk: 2}
    assert titles_won_by_union(D(2026, 5, 1), D(2026, 12, 31)) == {a.pk: 1}
    assert c.pk not in titles_won_by_union(D(2020, 1, 1), D(2030, 1, 1))


def test_an_officer_nominates_and_the_industry_staff_decide_in_the_browser(client, world):
    client.force_login(world.users["officer_a"])
    url = reverse("competitions:title_create")
    page = client.get(url).content.decode()
    form = as_post_data(next(f for f in post_forms(page) if f["action"] in ("", url))["fields"])
    form |= {
        "union": [str(world.unions["A"].pk)],
        "kind": ["pioneer"],
        "holder": ["泵站运行班"],
        "level": ["industry"],
        "year": ["2026"],
        "citation": ["泵站运行零事故。"],
    }
    response = client.post(url, form)
    title = Title.objects.get()
    assert response["Location"] == title.get_absolute_url()
    decide = reverse("competitions:title_decide", args=[title.pk])
    assert client.get(decide).status_code in (403, 404)  # the union does not decide its own
    client.force_login(world.users["staff_lt"])
    page = client.get(decide).content.decode()
    form = as_post_data(next(f for f in post_forms(page) if f["action"] in ("", decide))["fields"])
    assert form["decided_on"] == [timezone.localdate().isoformat()]  # today, to start with
    response = client.post(decide, form | {"decision": ["awarded"], "decided_on": ["2026-04-28"]})
    assert response.status_code == 302
    assert (Title.objects.get().status, Title.objects.get().decided_on) == (
        "awarded",
        D(2026, 4, 28),
    )
    client.force_login(world.users["staff_aw"])  # the other industry union
    assert client.get(title.get_absolute_url()).status_code == 404
