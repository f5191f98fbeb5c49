"""Demo worker book rooms: about one grassroots union in six has one (the plan's T5 asks for 10
across the system over three years), a few opened this year, some recognised as industry,
municipal or national demonstration book rooms, one closed when its enterprise moved."""

import datetime
import random

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, Union

from .models import BookRoom, Recognition

SHARE_WITH_A_ROOM = 1 / 6
HOURS = ("周一至周五 12:00–13:00、17:00–19:00", "每天 8:00–20:00", "周二、周四 18:00–20:30")
RECOGNITIONS = [
    (Recognition.NONE, 10),
    (Recognition.INDUSTRY, 4),
    (Recognition.MUNICIPAL, 2),
    (Recognition.NATIONAL, 1),
]


def extend_demo(*, builder) -> dict:
    # Its own generator: the apps before it draw what they drew before it came.
    rng, today = random.Random(f"competitions:{builder.seed}"), builder.today
    unions = list(Union.objects.grassroots().counted().order_by("pk"))
    chosen = rng.sample(unions, max(1, round(len(unions) * SHARE_WITH_A_ROOM)))
    enterprise_of = {}
    for enterprise in Enterprise.objects.filter(union__in=chosen).order_by("pk"):
        enterprise_of.setdefault(enterprise.union_id, enterprise)
    rooms = [_room(rng, today, union, enterprise_of.get(union.pk)) for union in chosen]
    if len(rooms) > 2:  # one closed when its enterprise moved away
        rooms[-1].closed_on = today - datetime.timedelta(days=rng.randint(20, 120))
    return {"book rooms": len(bulk_create_with_history(rooms, BookRoom, batch_size=1000))}


def _room(rng, today, union, enterprise) -> BookRoom:
    opened = today - datetime.timedelta(days=rng.randint(30, 1500))
    recognition = rng.choices(*zip(*RECOGNITIONS, strict=True))[0]
    return BookRoom(
        union=union,
        enterprise=enterprise,
        name=f"{(enterprise or union).name.removesuffix('工会委员会')}职工书屋",
        opened_on=opened,
        books=rng.randrange(800, 12000, 50),
        area=rng.randrange(30, 300, 5),
        opening_hours=rng.choice(HOURS),
        yearly_borrowings=rng.randrange(200, 6000, 10),
        recognition=recognition,
        recognised_in=rng.randint(opened.year, today.year) if recognition else None,
    )
