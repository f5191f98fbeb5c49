"""Demo worker book rooms: about one grassroots union in six has one (the plan's T5 asks for 10
across the system over three years), a few opened this year, some recognised as industry,
municipal or national demonstration book rooms, one closed when its enterprise moved. Titles:
nominations of the last two years, most decided (awarded at industry or municipal level, some
not), this year's few still waiting for the industry union."""

import datetime
import random

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, Union

from .models import BookRoom, Level, Recognition, Title, TitleKind, TitleStatus

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
    return {
        "book rooms": len(bulk_create_with_history(rooms, BookRoom, batch_size=1000)),
        "titles": _titles(rng, today, unions),
    }


TEAMS = ("第一车间甲班", "维修班", "质检组", "泵站运行班", "仓储物流班", "营销服务组")
PEOPLE = ("王建国", "李秀兰", "张志强", "刘海燕", "陈晓东", "杨桂英")
CITATIONS = (
    "全年安全生产无事故，节能降耗成效显著。",
    "开展技术革新12项，为企业创效80余万元。",
    "在岗位练兵和技能比武中成绩突出。",
)


def _titles(rng, today, unions) -> int:
    titles = []
    for union in rng.sample(unions, max(1, len(unions) // 4)):
        year = rng.choice((today.year - 1, today.year))
        kind = rng.choices(list(TitleKind), weights=[5, 3, 2, 1])[0]
        waiting = year == today.year and rng.random() < 0.4
        awarded = rng.random() < 0.75
        titles.append(
            Title(
                union=union,
                kind=kind,
                holder=rng.choice(TEAMS if kind == TitleKind.PIONEER else PEOPLE),
                level=rng.choices([Level.INDUSTRY, Level.MUNICIPAL, Level.PROVINCIAL], [6, 3, 1])[
                    0
                ],
                year=year,
                citation=rng.choice(CITATIONS),
                status=TitleStatus.NOMINATED
                if waiting
                else (TitleStatus.AWARDED if awarded else TitleStatus.NOT_AWARDED),
                decided_on=None
                if waiting
                else min(
                    today, datetime.date(year, 4, 28) + datetime.timedelta(rng.randint(0, 60))
                ),
            )
        )
    return len(bulk_create_with_history(titles, Title, batch_size=1000))


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
