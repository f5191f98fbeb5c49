"""A record of each of the competitions app's models in a given union, for the view walk
(tests/scoping.py), and the query bounds of its pages (tests/portal/test_query_bounds.py)."""

import datetime

from competitions.models import BookRoom
from tests.scoping import builds

QUERY_BOUNDS = {
    "competitions:book_room_list": 9,
    "competitions:book_room_create": 9,
    "competitions:book_room_detail": 10,
    "competitions:book_room_edit": 10,
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
