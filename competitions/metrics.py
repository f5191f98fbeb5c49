"""The competitions app's registered figures (cohesion_portal.metrics). T5: the worker book rooms
open on the day, across the reader's scope (the plan: 10 across the system)."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from unions.metrics import count_by_grassroots

from .models import BookRoom, Title, TitleStatus


def book_rooms_total(day, *, since=None, user):
    return BookRoom.objects.for_user(user).open_on(day).count()


def book_rooms_grouped(start, end, *, path=None) -> dict[int, int]:
    """{grassroots union id: book rooms of its tree open at `end`}; narrowed to one union's
    tree by its `path`."""
    rooms = BookRoom.objects.open_on(end)
    if path:
        rooms = rooms.filter(union__path__startswith=path)
    return count_by_grassroots(rooms)


def book_rooms_by_union(start, end) -> dict[int, int]:
    return book_rooms_grouped(start, end)


def titles_won_by_union(start, end) -> dict[int, int]:
    """{grassroots union id: titles its tree was awarded in the period, any level}."""
    won = Title.objects.filter(status=TitleStatus.AWARDED, decided_on__range=(start, end))
    return count_by_grassroots(won)


METRICS = (
    metrics.Metric(
        "competitions.book_rooms",
        _("Worker book rooms"),
        metrics.UNITS,
        total=book_rooms_total,
        by_union=book_rooms_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "competitions:book_room_list", union_id, open="true"
        ),
        assesses=("book_room",),
    ),
    metrics.Metric(
        "competitions.titles_won",
        _("Titles won in the period"),
        metrics.UNITS,
        by_union=titles_won_by_union,
        records_url=lambda union_id, start, end: metrics.records_list(
            "competitions:title_list", union_id, status="awarded"
        ),
        assesses=("competition",),
    ),
)
