"""Demo contracts: coverage around nine in ten unionized enterprises, a few expiring soon, some
expired and not renewed, regional contracts of the joint unions."""

import datetime

from simple_history.utils import bulk_create_with_history

from unions.models import Enterprise, UnionKind

from .models import CollectiveContract, ContractKind

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
    return {"contracts": len(created)}


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
