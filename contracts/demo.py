"""Demo contracts: coverage around nine in ten unionized enterprises, a few expiring soon, some
expired and not renewed, regional contracts of the joint unions, the two terms before each
enterprise contract, yearly performance checks, and affairs disclosures."""

import datetime

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, UnionKind

from .models import (
    ClausesKept,
    CollectiveContract,
    CongressLevel,
    CongressSession,
    CongressSystem,
    ContractKind,
    Disclosure,
    DisclosureChannel,
    DisclosureTopic,
    NegotiationOffer,
    OfferReply,
    PerformanceCheck,
)

OWN_CONTRACT_SHARE = 0.92
EXPIRING_SHARE = 0.05
EXPIRED_SHARE = 0.04
EARLIER_TERMS = 2  # expired contracts before the current one: the plan's earlier years


def extend_demo(*, builder) -> dict:
    """Called by unions.demo.DemoBuilder once the unions, enterprises and members exist."""
    rng, today = builder.rng, builder.today
    contracts, coverage = [], []
    enterprises = (
        Enterprise.objects.filter(union__isnull=False).select_related("union").order_by("pk")
    )
    by_joint_union = {}
    for enterprise in enterprises:
        if enterprise.union.kind == UnionKind.JOINT:
            by_joint_union.setdefault(enterprise.union, []).append(enterprise)
            continue
        if rng.random() > OWN_CONTRACT_SHARE:
            continue
        current = _contract(rng, today, enterprise.union, ContractKind.WAGE, enterprise.name)
        current.workers_covered = enterprise.headcount
        contracts.append(current)
        coverage.append([enterprise])
        for earlier in _earlier_terms(current):
            contracts.append(earlier)
            coverage.append([enterprise])
    for union, members in by_joint_union.items():
        covered = [e for e in members if rng.random() < 0.9]
        if covered:
            regional = _contract(rng, today, union, ContractKind.REGIONAL, union.name)
            regional.workers_covered = sum(e.headcount for e in covered)
            contracts.append(regional)
            coverage.append(covered)
    created = bulk_create_with_history(contracts, CollectiveContract, batch_size=1000)
    links = CollectiveContract.enterprises.through
    rows = [
        links(collectivecontract_id=contract.pk, enterprise_id=enterprise.pk)
        for contract, covered in zip(created, coverage, strict=True)
        for enterprise in covered
    ]
    links.objects.bulk_create(rows, batch_size=5000)
    offers = _offers(rng, today, enterprises)
    congresses = _congresses(rng, today, enterprises, by_joint_union)
    return {
        "contracts": len(created),
        "performance_checks": _performance_checks(rng, today, created),
        "offers": offers,
        "congresses": congresses,
        "disclosures": _disclosures(rng, today, enterprises),
    }


def _earlier_terms(contract: CollectiveContract):
    """The yearly wage contracts that came before `contract`, back to back, now expired."""
    end = contract.effective_from
    for _ in range(EARLIER_TERMS):
        end, start = end - datetime.timedelta(days=1), _a_year_before(end)
        yield CollectiveContract(
            union=contract.union,
            kind=contract.kind,
            title=f"{contract.employer_party}{start.year}年{ContractKind(contract.kind).label}集体合同",
            employer_party=contract.employer_party,
            negotiated=True,
            negotiation_rounds=contract.negotiation_rounds,
            signed_on=start - datetime.timedelta(days=7),
            effective_from=start,
            effective_to=end,
            workers_covered=contract.workers_covered,
            wage_increase_pct=contract.wage_increase_pct,
            minimum_wage_clause=contract.minimum_wage_clause,
            filed_on=start,
            filing_result="approved",
        )
        end = start


def _a_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _performance_checks(rng, today, contracts) -> int:
    """A check for each year a contract was in force: at the end of past years, and this year
    for those whose check date has come."""
    checks = []
    for contract in contracts:
        for year in range(contract.effective_from.year, contract.effective_to.year + 1):
            # Past years were checked at year end; this year's checks are under way.
            if year == today.year:
                checked_on = datetime.date(year, rng.randint(3, 11), rng.randint(1, 28))
            else:
                checked_on = datetime.date(year, 12, 10)
            checked_on = min(checked_on, contract.effective_to)
            if year > today.year or checked_on > today or checked_on < contract.effective_from:
                continue
            kept = rng.choices(list(ClausesKept), weights=(85, 12, 3))[0]
            checks.append(
                PerformanceCheck(
                    contract=contract,
                    year=year,
                    checked_on=checked_on,
                    clauses_kept=kept,
                    issues="" if kept == ClausesKept.ALL else "部分加班工资未按约定标准支付",
                    follow_up="" if kept == ClausesKept.ALL else "企业已承诺限期补发，工会跟踪落实",
                )
            )
    bulk_create_with_history(checks, PerformanceCheck, batch_size=2000)
    return len(checks)


DISCLOSURE_TITLES = {
    DisclosureTopic.WAGES: "工资调整方案",
    DisclosureTopic.BONUSES: "年终奖金分配办法",
    DisclosureTopic.SOCIAL_INSURANCE: "社会保险和住房公积金缴纳情况",
    DisclosureTopic.SAFETY: "安全生产责任制落实情况",
    DisclosureTopic.WORKING_TIME: "工作时间和休息休假安排",
    DisclosureTopic.MAJOR_DECISIONS: "企业年度经营情况和重大决策",
    DisclosureTopic.WELFARE: "职工福利费使用情况",
}


def _disclosures(rng, today, enterprises) -> int:
    """This year's and last year's disclosures: most enterprises make one to four a year."""
    rows = []
    topics = list(DISCLOSURE_TITLES)
    for enterprise in enterprises:
        for _ in range(rng.randint(2, 8)):
            topic = rng.choice(topics)
            day = today - datetime.timedelta(days=rng.randint(1, 700))
            rows.append(
                Disclosure(
                    union=enterprise.union,
                    enterprise=enterprise,
                    topic=topic,
                    title=f"{day.year}年{DISCLOSURE_TITLES[topic]}",
                    disclosed_on=day,
                    channel=rng.choices(list(DisclosureChannel), weights=(50, 30, 15, 5))[0],
                    content=f"向全体职工公开{DISCLOSURE_TITLES[topic]}，接受职工监督。",
                    feedback="职工提出意见两条，已在职工代表座谈会上答复。"
                    if rng.random() < 0.3
                    else "",
                )
            )
    bulk_create_with_history(rows, Disclosure, batch_size=2000)
    return len(rows)


def _offers(rng, today, enterprises) -> int:
    """This year's negotiation offers: most answered, a few still waiting past 20 days."""
    offers = []
    for enterprise in enterprises:
        if rng.random() > 0.3:
            continue
        sent = today - datetime.timedelta(days=rng.randint(3, 200))
        answered = rng.random() < 0.85 or (today - sent).days <= 20
        replied = sent + datetime.timedelta(days=rng.randint(2, 19)) if answered else None
        if replied and replied > today:
            replied = None
        offers.append(
            NegotiationOffer(
                union=enterprise.union,
                enterprise=enterprise,
                subject=f"{today.year}年度工资集体协商要约",
                sent_on=sent,
                replied_on=replied,
                reply=OfferReply.ACCEPTED if replied else "",
            )
        )
    bulk_create_with_history(offers, NegotiationOffer, batch_size=1000)
    return len(offers)


def _congresses(rng, today, enterprises, by_joint_union) -> int:
    """Own congresses in most larger enterprises, a regional one per joint union, and the
    sessions of the last years (a few not held lately)."""
    systems, covered = [], []
    for enterprise in enterprises:
        if enterprise.union.kind == UnionKind.JOINT or enterprise.headcount < 50:
            continue
        if rng.random() < 0.8:
            systems.append(
                CongressSystem(
                    union=enterprise.union,
                    level=CongressLevel.ENTERPRISE,
                    name=f"{enterprise.name}职工代表大会",
                    established_on=enterprise.unionized_on,
                )
            )
            covered.append([enterprise])
    for union, members in by_joint_union.items():
        systems.append(
            CongressSystem(
                union=union,
                level=CongressLevel.REGIONAL,
                name=f"{union.name}区域职工代表大会",
                established_on=union.founded_on or datetime.date(2010, 1, 1),
            )
        )
        covered.append(members)
    created = bulk_create_with_history(systems, CongressSystem, batch_size=1000)
    links = CongressSystem.enterprises.through
    links.objects.bulk_create(
        [
            links(congresssystem_id=s.pk, enterprise_id=e.pk)
            for s, es in zip(created, covered, strict=True)
            for e in es
        ],
        batch_size=5000,
    )
    sessions = []
    for system in created:
        stale = rng.random() < 0.1  # not held in the last twelve months
        for years_ago in range(3):
            held = today - datetime.timedelta(
                days=365 * years_ago + rng.randint(20, 200) + (400 if stale else 0)
            )
            if held < system.established_on:
                continue
            elected = rng.randint(20, 120)
            sessions.append(
                CongressSession(
                    congress=system,
                    held_on=held,
                    delegates_elected=elected,
                    delegates_present=rng.randint(elected * 2 // 3 + 1, elected),
                    items="审议企业工资集体协商方案、厂务公开情况报告",
                    resolutions="通过",
                )
            )
    bulk_create_with_history(sessions, CongressSession, batch_size=2000)
    return len(created)


def _contract(rng, today, union, kind, party) -> CollectiveContract:
    chance = rng.random()
    days = datetime.timedelta
    length = days(days=rng.choice((365, 730, 1095)) - 1)
    if chance < EXPIRING_SHARE:  # in force, ending within 90 days
        end = today + days(days=rng.randint(5, 89))
        start = end - length
    elif chance < EXPIRING_SHARE + EXPIRED_SHARE:  # ended, not renewed
        end = today - days(days=rng.randint(10, 200))
        start = end - length
    else:  # in force for a while yet
        start = today - days(days=rng.randint(30, 300))
        end = max(start + length, today + days(days=rng.randint(120, 400)))
    signed = start - datetime.timedelta(days=rng.randint(0, 20))
    label = ContractKind(kind).label
    return CollectiveContract(
        union=union,
        kind=kind,
        title=f"{party}{start.year}年{label}集体合同",
        employer_party=party,
        negotiated=True,
        negotiation_rounds=rng.randint(1, 4),
        signed_on=signed,
        effective_from=start,
        effective_to=end,
        workers_covered=0,
        wage_increase_pct=round(rng.uniform(2, 8), 1),
        minimum_wage_clause=rng.random() < 0.9,
        congress_approved_on=signed - datetime.timedelta(days=rng.randint(1, 10)),
        filed_on=signed + datetime.timedelta(days=rng.randint(3, 15)),
        filing_result="approved",
    )
