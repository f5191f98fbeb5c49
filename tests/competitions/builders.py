"""A record of each of the competitions app's models in a given union, for the view walk
(tests/scoping.py), and the query bounds of its pages (tests/portal/test_query_bounds.py)."""

import datetime

from competitions.models import BookRoom, Title
from tests.scoping import builds

QUERY_BOUNDS = {
    "competitions:book_room_list": 9,
    "competitions:book_room_create": 9,
    "competitions:book_room_detail": 10,
    "competitions:book_room_edit": 10,
    "competitions:title_list": 9,
    "competitions:title_create": 9,
    "competitions:title_detail": 12,
    "competitions:title_edit": 10,
    "competitions:title_decide": 9,
}


@builds(BookRoom)
def book_room_in(union):
    return BookRoom.objects.create(
        union=union,
        name=f"{union.name}职工书屋",
        opened_on=datetime.date(2025, 5, 1),
        books=3000,
        area=80,
        opening_hours="周一至周五 12:00–13:00",
    )


@builds(Title)
def title_in(union):
    return Title.objects.create(
        union=union,
        kind="pioneer",
        holder=f"{union.name}·维修班",
        level="industry",
        year=2026,
        citation="全年安全生产无事故。",
    )
