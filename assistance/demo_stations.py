"""Demo assistance stations and love supermarkets (assistance.demo calls this): about one
grassroots union in four runs a love supermarket for some of its enterprises, one in eight an
assistance station, a few opened during the plan's last year so that T7 rises; each has a day
recorded a month."""

import datetime
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, Union

from .models import Station, StationActivity, StationCoverage, StationKind

OFFERS = {
    StationKind.SUPERMARKET: "米、面、油等生活必需品，凭困难职工证领取",
    StationKind.STATION: "困难职工接待、政策咨询、法律援助转介",
}
HANDOUTS = ("米面油", "冬季棉衣", "学习用品", "防暑降温用品", "慰问金")


def build_stations(rng, today: datetime.date) -> int:
    enterprises = {}
    for pk, path in Enterprise.objects.filter(union__isnull=False).values_list("pk", "union__path"):
        enterprises.setdefault(path[: Union.SEGMENT], []).append(pk)
    stations, covered = [], []
    unions = Union.objects.grassroots().counted().select_related("industry_union").order_by("pk")
    for union in unions:
        for kind, chance in ((StationKind.SUPERMARKET, 0.25), (StationKind.STATION, 0.125)):
            own = enterprises.get(union.path, [])
            if rng.random() >= chance or not own:
                continue
            label = "爱心超市" if kind == StationKind.SUPERMARKET else "职工帮扶站"
            stations.append(
                Station(
                    kind=kind,
                    industry_union=union.industry_union,
                    union=union,
                    name=f"{union.name.removesuffix('工会委员会')}{label}",
                    opened_on=today - datetime.timedelta(days=rng.randint(20, 900)),
                    offers=OFFERS[kind],
                )
            )
            covered.append(rng.sample(own, min(len(own), rng.randint(1, 5))))
    stations = bulk_create_with_history(stations, Station, batch_size=1000)
    StationCoverage.objects.bulk_create(
        StationCoverage(station=station, enterprise_id=pk)
        for station, pks in zip(stations, covered, strict=True)
        for pk in pks
    )
    days = []
    for station in stations:
        for months_ago in range(6):
            day = (today.replace(day=1) - datetime.timedelta(days=30 * months_ago)).replace(
                day=rng.randint(1, 25)
            )
            if station.opened_on <= day <= today:
                days.append(
                    StationActivity(
                        station=station,
                        day=day,
                        visitors=rng.randint(5, 60),
                        handouts=rng.choice(HANDOUTS),
                        value=Decimal(rng.randint(5, 120) * 100),
                    )
                )
    bulk_create_with_history(days, StationActivity, batch_size=1000)
    return len(stations)
