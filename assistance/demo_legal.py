"""Demo legal aid (assistance.demo calls this): a workstation at each industry union and in
about one grassroots union in four, with cases of the last year (more at an industry union's
workstation the more unions it serves): most concluded, by mediation mostly, some by
arbitration or in court, with what was recovered."""

import datetime
from collections import Counter
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from unions.models import IndustryUnion, Union

from .models import Dispute, LegalCase, LegalWorkstation, Outcome, Stage

LAWYERS = ("张律师（辽宁某律师事务所）", "李律师（大连某律师事务所）", "王法律顾问")
EMPLOYERS = ("某服装加工厂", "某水产养殖场", "某建筑劳务公司", "某食品厂")
# How far a concluded case went, and how it ended (weights).
ENDINGS = (
    (Stage.CONSULTATION, Outcome.SETTLED, 3),
    (Stage.MEDIATION, Outcome.SETTLED, 5),
    (Stage.ARBITRATION, Outcome.WON, 2),
    (Stage.ARBITRATION, Outcome.PARTLY, 1),
    (Stage.LITIGATION, Outcome.WON, 1),
    (Stage.LITIGATION, Outcome.LOST, 1),
)
CASES_A_STATION = (1, 6)
# An industry union's workstation: a case more for every this many unions it serves.
UNIONS_PER_CASE = 20


def build_legal_aid(rng, today: datetime.date) -> int:
    stations = [
        LegalWorkstation(
            industry_union=industry,
            name=f"{industry.name}职工法律援助工作站",
            opened_on=datetime.date(2023, 3, 1),
            lawyers="、".join(rng.sample(LAWYERS, 2)),
        )
        for industry in IndustryUnion.objects.order_by("pk")
    ]
    unions = list(Union.objects.grassroots().counted().select_related("industry_union"))
    for union in unions:
        if rng.random() < 1 / 4:
            stations.append(
                LegalWorkstation(
                    industry_union=union.industry_union,
                    union=union,
                    name=f"{union.name.removesuffix('工会委员会')}法律援助工作站",
                    opened_on=today - datetime.timedelta(days=rng.randint(200, 900)),
                    lawyers=rng.choice(LAWYERS),
                )
            )
    stations = bulk_create_with_history(stations, LegalWorkstation, batch_size=1000)
    served = Counter(union.industry_union_id for union in unions)
    cases = []
    for station in stations:
        more = 0 if station.union_id else served[station.industry_union_id] // UNIONS_PER_CASE
        for _ in range(rng.randint(*CASES_A_STATION) + more):
            taken = today - datetime.timedelta(days=rng.randint(0, 365))
            claimed = Decimal(rng.randint(20, 400) * 100)
            case = LegalCase(
                workstation=station,
                name=rng.choice("王李张刘陈杨赵黄") + rng.choice(("建国", "秀英", "海涛", "丽娜")),
                employer=rng.choice(EMPLOYERS),
                dispute=rng.choice(Dispute.values),
                opened_on=max(taken, station.opened_on),
                claimed=claimed,
            )
            if taken < today - datetime.timedelta(days=30) and rng.random() < 0.8:
                stage, outcome = rng.choices(
                    [(s, o) for s, o, _w in ENDINGS], weights=[w for *_x, w in ENDINGS]
                )[0]
                case.stage, case.outcome = stage, outcome
                case.closed_on = min(
                    today, case.opened_on + datetime.timedelta(days=rng.randint(5, 90))
                )
                share = {Outcome.SETTLED: 0.8, Outcome.WON: 1, Outcome.PARTLY: 0.5}.get(outcome, 0)
                case.recovered = (claimed * Decimal(share)).quantize(Decimal("0.01"))
            cases.append(case)
    bulk_create_with_history(cases, LegalCase, batch_size=1000)
    return len(cases)
