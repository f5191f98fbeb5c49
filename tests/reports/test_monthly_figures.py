"""The monthly report's figures, worked out by hand from records built for September 2026."""

import datetime

import pytest
from django.core.files.base import ContentFile

from cohesion_portal import monthly_figures
from contracts.models import CollectiveContract, Disclosure
from contracts.services import contract_save, disclosure_save, session_add
from unions.services import member_leave

from ..factories import EnterpriseFactory, enrol
from ..plugged import of_the_first_apps
from ..scoping import congress_of, contract_of
from .monthly_helpers import SEPTEMBER, TODAY, draft, submitted

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def september(world):
    """Union A's September: its records, and one recruit of union C."""
    a, c = world.unions["A"], world.unions["C"]
    branch, group = a.children.get(), world.deepest["A"]
    enrol(a, joined_on=D(2026, 3, 1))  # a member all month
    enrol(branch, joined_on=D(2026, 9, 10), born=D(1995, 1, 1))  # new, new generation, migrant
    enrol(group, joined_on=D(2026, 9, 20), born=D(1975, 1, 1))  # new, too old for T1
    enrol(a, joined_on=D(2026, 9, 5), born=D(1992, 1, 1), migrant=False)  # new, not a migrant
    leaver = enrol(a, joined_on=D(2026, 2, 1))
    member_leave(actor=None, member=leaver, on=D(2026, 9, 15), reason="离职")  # gone by the end
    enrol(a, joined_on=D(2026, 10, 2))  # October's
    enrol(c, joined_on=D(2026, 9, 3), born=D(1991, 1, 1))  # union C's recruit

    contract_of(a)  # signed 2025-12-20, in force all 2026, covers its enterprise
    contract_save(
        actor=None,
        contract=CollectiveContract(
            union=a,
            kind="wage",
            title="九月签订的工资专项合同",
            employer_party="企业方",
            signed_on=D(2026, 9, 12),
            effective_from=D(2026, 10, 1),  # not yet in force on 30 September
            effective_to=D(2028, 9, 30),
            signed_scan=ContentFile(b"%PDF-1.4\n%%EOF\n", name="scan.pdf"),
        ),
        enterprises=[EnterpriseFactory(union=branch)],
    )
    EnterpriseFactory(union=a)  # a unionized enterprise without a contract
    congress = congress_of(a)  # its enterprise is a fourth unionized one, uncovered
    for held_on in (D(2026, 9, 18), D(2026, 8, 30)):
        session_add(
            actor=None,
            congress=congress,
            held_on=held_on,
            delegates_elected=30,
            delegates_present=28,
            items="审议工资调整方案",
        )
    for disclosed_on in (D(2026, 9, 9), D(2026, 10, 1)):
        disclosure_save(
            actor=None,
            disclosure=Disclosure(
                union=a,
                enterprise=EnterpriseFactory(union=a),  # a fifth and sixth, uncovered
                topic="wages",
                title=f"公开{disclosed_on}",
                disclosed_on=disclosed_on,
                channel="board",
                content="工资调整",
            ),
        )
    return world


# By hand: members on 30 September are the first four enrolled (the leaver left on the 15th,
# October's joined later); three joined in September; one of them is a new-generation migrant.
# One contract signed in September, one in force at its end; of six unionized enterprises one
# is covered (16.67%); one congress session and one disclosure in September.
EXPECTED_A = {
    "unions.recruits": 1,
    "unions.members": 4,
    "unions.new_members": 3,
    "contracts.signed": 1,
    "contracts.in_force": 1,
    "contracts.coverage": 16.67,
    "contracts.congress_sessions": 1,
    "contracts.disclosures": 1,
}


def test_each_figure_of_one_union_is_worked_out_from_its_records(september):
    collected = monthly_figures.collect(september.unions["A"], SEPTEMBER, TODAY)
    assert of_the_first_apps(collected) == EXPECTED_A


def test_the_all_unions_functions_agree_with_the_one_union_ones(september):
    ids = [september.unions[label].pk for label in "ABC"]
    table = monthly_figures.collect_all(SEPTEMBER, ids, TODAY)
    assert of_the_first_apps(table[september.unions["A"].pk]) == EXPECTED_A
    c = table[september.unions["C"].pk]
    assert (c["unions.recruits"], c["unions.members"], c["unions.new_members"]) == (1, 1, 1)
    assert c["contracts.coverage"] is None  # no unionized enterprise: no rate
    assert table[september.unions["B"].pk]["unions.members"] == 0
    for label in "BC":
        union = september.unions[label]
        assert monthly_figures.collect(union, SEPTEMBER, TODAY) == table[union.pk]


def test_the_all_unions_functions_run_a_fixed_number_of_queries(
    september, django_assert_max_num_queries
):
    ids = [september.unions[label].pk for label in "ABC"]
    with django_assert_max_num_queries(len(monthly_figures.figures()) + 1):
        monthly_figures.collect_all(SEPTEMBER, ids, TODAY)


def test_a_draft_takes_the_figures_and_a_submitted_report_keeps_them(september):
    assert of_the_first_apps(draft(september).figures) == EXPECTED_A
    report = submitted(september)
    enrol(september.unions["A"], joined_on=D(2026, 9, 25))  # entered after submission
    report.refresh_from_db()
    assert of_the_first_apps(report.figures) == EXPECTED_A
    assert monthly_figures.collect(september.unions["A"], SEPTEMBER, TODAY)["unions.members"] == 5


def test_the_month_under_way_counts_up_to_today(world):
    enrol(world.unions["A"], joined_on=D(2026, 11, 2))
    enrol(world.unions["A"], joined_on=D(2026, 11, 21))  # after "today": not yet counted
    start, end = monthly_figures.period(D(2026, 11, 1), D(2026, 11, 20))
    assert (start, end) == (D(2026, 11, 1), D(2026, 11, 20))
    assert monthly_figures.period(SEPTEMBER, TODAY) == (SEPTEMBER, D(2026, 9, 30))
    figures = monthly_figures.collect(world.unions["A"], D(2026, 11, 1), D(2026, 11, 20))
    assert figures["unions.new_members"] == 1
    assert figures["unions.members"] == 1


def test_a_later_app_adds_a_figure_without_touching_the_report(world):
    figure = monthly_figures.Figure(
        "assistance.families_helped",
        "帮扶困难职工家庭",
        "people",
        for_union=lambda union, start, end: 7,
        for_all=lambda start, end: {world.unions["A"].pk: 7},
    )
    monthly_figures.FIGURES.add(figure, app_label="assistance")
    try:
        assert draft(world).figures["assistance.families_helped"] == 7
    finally:
        monthly_figures.FIGURES.remove_app("assistance")
