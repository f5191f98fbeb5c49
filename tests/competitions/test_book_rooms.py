"""Worker book rooms (职工书屋) and T5, counted by hand: what a room needs, the rooms open on a
day in each reader's scope, the 月报's figure, and the T5 card on the dashboard."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cohesion_portal import metrics, monthly_figures
from cohesion_portal.access import EVERYTHING, Reader
from competitions.metrics import book_rooms_by_union, book_rooms_total
from competitions.models import BookRoom
from competitions.services import book_room_save
from standards.models import Plan

from ..factories import EnterpriseFactory
from ..pages import as_post_data, post_forms

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = timezone.localdate()


def a_room(world, label="A", **fields) -> BookRoom:
    values = {
        "union": world.unions[label],
        "name": f"{label}职工书屋",
        "opened_on": D(2025, 5, 1),
        "books": 3000,
        "area": 80,
        "opening_hours": "周一至周五 12:00–13:00",
    } | fields
    return book_room_save(actor=world.users["officer_a"], room=BookRoom(**values))


def refused(world, **fields) -> dict:
    with pytest.raises(ValidationError) as error:
        a_room(world, **fields)
    return error.value.message_dict


def test_what_a_book_room_needs(world):
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert set(refused(world, opened_on=tomorrow)) == {"opened_on"}
    assert set(refused(world, closed_on=D(2025, 4, 30))) == {"closed_on"}
    other = EnterpriseFactory(union=world.unions["B"])
    assert set(refused(world, enterprise=other)) == {"enterprise"}
    assert set(refused(world, recognition="municipal")) == {"recognised_in"}
    assert set(refused(world, recognised_in=2025)) == {"recognition"}
    assert set(refused(world, recognition="national", recognised_in=2024)) == {"recognised_in"}
    assert not BookRoom.objects.exists()
    room = a_room(world, recognition="municipal", recognised_in=2026)
    assert room.history.get().history_user == world.users["officer_a"]


def test_t5_counts_the_rooms_open_on_the_day_in_each_scope(world):
    a, b, c = (world.unions[label] for label in "ABC")
    a_room(world, "A", opened_on=D(2024, 3, 1))
    a_room(world, "A", name="A第二书屋", opened_on=D(2026, 6, 1), closed_on=D(2026, 9, 30))
    a_room(world, "B", opened_on=D(2025, 1, 1))
    a_room(world, "C", opened_on=D(2026, 10, 15))
    everyone = Reader(EVERYTHING)
    assert book_rooms_total(D(2026, 7, 1), user=everyone) == 3  # A's two and B's
    assert book_rooms_total(D(2026, 9, 30), user=everyone) == 2  # A's second closed that day
    assert book_rooms_total(D(2026, 10, 15), user=everyone) == 3  # C's opened that day
    assert book_rooms_total(D(2026, 10, 15), user=world.users["staff_lt"]) == 2  # A and C
    assert book_rooms_total(D(2026, 10, 15), user=world.users["cadre_a"]) == 1
    assert book_rooms_by_union(D(2026, 1, 1), D(2026, 7, 1)) == {a.pk: 2, b.pk: 1}
    assert book_rooms_by_union(D(2026, 1, 1), D(2026, 10, 31)) == {a.pk: 1, b.pk: 1, c.pk: 1}
    figure = monthly_figures.get("competitions.book_rooms")
    assert monthly_figures.value(figure, a, D(2026, 7, 1), TODAY) == 2
    assert monthly_figures.value(figure, a, D(2026, 10, 1), TODAY) == 1
    assert "book_room" in metrics.get("competitions.book_rooms").assesses


def test_the_t5_card_on_the_dashboard_counts_the_open_rooms(client, world):
    plan = Plan.objects.create(
        name="凝聚力工程",
        issued_by="产业工会",
        starts_on=TODAY - datetime.timedelta(days=100),
        ends_on=TODAY + datetime.timedelta(days=100),
    )
    plan.targets.create(
        code="T5",
        title="职工书屋",
        metric="competitions.book_rooms",
        value=10,
        deadline=plan.ends_on,
    )
    a_room(world, "A", opened_on=D(2024, 3, 1))
    a_room(world, "C", name="C书屋", opened_on=D(2025, 3, 1))
    a_room(world, "C", name="已关闭", opened_on=D(2024, 3, 1), closed_on=D(2025, 1, 1))
    a_room(world, "B", name="B书屋", opened_on=D(2025, 3, 1))  # agri-water's
    client.force_login(world.users["staff_lt"])
    dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    (card,) = [state for state in dashboard.targets if state.target.code == "T5"]
    assert card.current == 2  # A's and C's open rooms


def test_an_officer_adds_a_room_in_the_browser_form_and_others_see_it_in_scope(client, world):
    client.force_login(world.users["officer_a"])
    url = reverse("competitions:book_room_create")
    page = client.get(url).content.decode()
    form = as_post_data(next(f for f in post_forms(page) if f["action"] in ("", url))["fields"])
    form |= {
        "union": [str(world.unions["A"].pk)],
        "name": ["一车间职工书屋"],
        "opened_on": [(TODAY + datetime.timedelta(days=5)).isoformat()],
        "books": ["2500"],
        "area": ["60"],
        "opening_hours": ["每天 8:00–20:00"],
        "yearly_borrowings": ["1200"],
    }
    response = client.post(url, form)
    page = response.content.decode()
    assert response.status_code == 200 and "日期不能晚于今天" in page and "一车间职工书屋" in page
    assert not BookRoom.objects.exists()  # and what was typed is still on the page
    response = client.post(url, form | {"opened_on": ["2026-03-01"]})
    room = BookRoom.objects.get()
    assert response["Location"] == room.get_absolute_url()
    client.force_login(world.users["staff_aw"])  # the other industry union
    assert client.get(room.get_absolute_url()).status_code == 404
    client.force_login(world.users["cadre_a"])
    assert client.get(room.get_absolute_url()).status_code == 200
    assert client.post(reverse("competitions:book_room_edit", args=[room.pk])).status_code in (
        403,
        404,
    )
