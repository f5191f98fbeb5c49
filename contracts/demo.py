"""Demo contracts: coverage around nine in ten unionized enterprises, a few expiring soon, some
expired and not renewed, regional contracts of the joint unions."""

import datetime

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, UnionKind

from .models import (
    CollectiveContract,
    CongressLevel,
    CongressSession,
    CongressSystem,
    ContractKind,
    NegotiationOffer,
    OfferReply,
)

OWN_CONTRACT_SHARE = 0.92
EXPIRING_SHARE = 0.05
EXPIRED_SHARE = 0.04


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
        contracts.append(
            _contract(rng, today, enterprise.union, ContractKind.WAGE, enterprise.name)
        )
        coverage.append([enterprise])
    for union, members in by_joint_union.items():
        covered = [e for e in members if rng.random() < 0.9]
        if covered:
            contracts.append(_contract(rng, today, union, ContractKind.REGIONAL, union.name))
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
    return {"contracts": len(created), "offers": offers, "congresses": congresses}


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
