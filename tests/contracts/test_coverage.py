"""T2 coverage, from contracts and enterprises built here by hand."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cohesion_portal.access import EVERYTHING, Reader
from cohesion_portal.metrics import remembering
from contracts.metrics import (
    Coverage,
    coverage,
    coverage_by_grassroots_union,
    coverage_by_union,
    expiring,
)
from contracts.models import CollectiveContract
from contracts.services import contract_save

from ..factories import EnterpriseFactory

ALL = Reader(EVERYTHING)  # (read by no person: every union)

DAY = datetime.date(2026, 12, 31)  # the plan's "year end"
D = datetime.date


START, END = D(2026, 1, 1), D(2027, 12, 31)


def contract(union, enterprises, *, kind="wage", negotiated=True, start=START, end=END):
    return contract_save(
        actor=None,
        contract=CollectiveContract(
            union=union,
            kind=kind,
            title=f"{union.name}{kind}合同",
            employer_party="企业方",
            negotiated=negotiated,
            signed_on=start,
            effective_from=start,
            effective_to=end,
        ),
        enterprises=enterprises,
    )


@pytest.fixture
def figures(world):
    a, c = world.unions["A"], world.unions["C"]
    own = EnterpriseFactory(union=a, headcount=100)  # covered by its own contract
    ended = EnterpriseFactory(union=a, headcount=50)  # its contract ended the day before
    listed = [EnterpriseFactory(union=c, headcount=h) for h in (10, 20, 30)]  # an industry contract
    talked_not = EnterpriseFactory(union=c, headcount=40)  # a contract not negotiated: no
    late = EnterpriseFactory(
        union=c, headcount=70, unionized_on=D(2027, 1, 1)
    )  # unionized after the day
    EnterpriseFactory(union=a, headcount=5)  # no contract at all
    EnterpriseFactory(union=None, headcount=999)  # no union: not in the denominator
    contract(a, [own])
    contract(a, [ended], end=DAY - datetime.timedelta(days=1))
    contract(c, listed, kind="industry")
    contract(c, [listed[0]], kind="comprehensive")  # its own as well: counted once
    contract(c, [talked_not], negotiated=False)
    contract(c, [late])
    return world


@pytest.mark.django_db
def test_coverage_counts_the_hand_built_cases(figures):
    figure = coverage(DAY, user=ALL)
    # unionized by the day: own, ended, 3 listed, talked_not, no-contract = 7 (late is not yet)
    assert figure.unionized == 7
    # covered: own + the 3 listed = 4
    assert figure.covered == 4
    assert figure.rate == 4 / 7
    assert figure.covered_by_own == 2  # own, and listed[0] with its comprehensive contract
    assert figure.covered_only_by_multi == 2  # listed[1], listed[2]
    assert figure.workers == 100 + 50 + 10 + 20 + 30 + 40 + 5
    assert figure.workers_covered == 100 + 10 + 20 + 30


@pytest.mark.django_db
def test_coverage_per_grassroots_union_and_per_scope(figures):
    w = figures
    by_union = coverage_by_grassroots_union(DAY, user=ALL)
    assert (by_union[w.unions["A"].pk].unionized, by_union[w.unions["A"].pk].covered) == (3, 1)
    assert (by_union[w.unions["C"].pk].unionized, by_union[w.unions["C"].pk].covered) == (4, 3)
    assert coverage(DAY, user=w.users["officer_a"]).rate == 1 / 3
    assert coverage(DAY, user=w.users["staff_aw"]).rate is None  # nothing unionized there


@pytest.mark.django_db
def test_each_unions_breakdown_and_the_workers_rate(figures):
    """Every figure of each union's T2, by hand; and the scoring's percentages per union."""
    w = figures
    by_union = coverage_by_grassroots_union(DAY, user=ALL)
    # A: own (100 workers) covered; ended (50) and the one without (5) not.
    assert by_union[w.unions["A"].pk] == Coverage(
        unionized=3, covered=1, covered_by_own=1, covered_only_by_multi=0,
        workers=155, workers_covered=100,
    )  # fmt: skip
    # C: listed[0] by its own and the industry contract; listed[1], [2] by the industry one only.
    assert by_union[w.unions["C"].pk] == Coverage(
        unionized=4, covered=3, covered_by_own=1, covered_only_by_multi=2,
        workers=100, workers_covered=60,
    )  # fmt: skip
    assert by_union[w.unions["C"].pk].workers_rate == 0.6
    assert coverage(DAY, user=ALL).workers_rate == 160 / 255
    assert set(by_union) == {w.unions["A"].pk, w.unions["C"].pk}  # B has no enterprise
    assert coverage_by_union(START, DAY) == {w.unions["A"].pk: 100 / 3, w.unions["C"].pk: 75.0}


@pytest.mark.django_db
def test_the_day_after_the_end_is_no_longer_covered(figures):
    assert (
        coverage(DAY - datetime.timedelta(days=1), user=ALL).covered == 5
    )  # `ended` still in force


@pytest.mark.django_db
def test_contracts_expiring_within_90_days(figures):
    soon = expiring(D(2027, 11, 1), user=ALL)
    # all but `ended` (over already); the non-negotiated one expires too, though T2 ignores it
    assert sorted(c.kind for c in soon) == ["comprehensive", "industry", "wage", "wage", "wage"]
    assert not expiring(D(2027, 1, 1), user=ALL).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": D(2025, 12, 31)}, "effective_to"),
        ({"kind": "wage", "several": True}, "enterprises"),
    ],
)
def test_bad_contracts_are_refused(world, changes, field):
    enterprises = [
        EnterpriseFactory(union=world.unions["A"])
        for _ in range(2 if changes.pop("several", False) else 1)
    ]
    with pytest.raises(ValidationError) as error:
        contract(world.unions["A"], enterprises, **changes)
    assert field in error.value.message_dict
    assert not CollectiveContract.objects.exists()


@pytest.mark.django_db
def test_an_enterprise_of_another_union_cannot_have_this_unions_own_contract(world):
    with pytest.raises(ValidationError) as error:
        contract(world.unions["A"], [EnterpriseFactory(union=world.unions["C"])])
    assert "enterprises" in error.value.message_dict


@pytest.mark.django_db
def test_the_status_follows_the_dates(world):
    item = contract(
        world.unions["A"],
        [EnterpriseFactory(union=world.unions["A"])],
        start=D(2026, 3, 1),
        end=D(2027, 2, 28),
    )
    assert item.status_on(D(2026, 2, 1)) == "signed"
    assert item.status_on(D(2026, 3, 1)) == "in_force"
    assert item.status_on(D(2027, 3, 1)) == "expired"


@pytest.mark.django_db
def test_two_days_read_through_one_pages_memo_are_two_figures(figures):
    """A page's reader remembers each figure by what it was asked (the day included): the
    second day is computed, not the first day's answer given again."""
    page_reader = remembering(ALL)
    assert coverage(DAY, user=page_reader).covered == 4
    assert coverage(DAY - datetime.timedelta(days=1), user=page_reader).covered == 5
    assert coverage(DAY, user=page_reader) is coverage(DAY, user=page_reader)  # read once
