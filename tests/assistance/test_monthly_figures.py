"""The assistance app's 月报 figures, counted by hand for October and November 2026 in union A
(and one appeal of C, which A's figures leave out), and the figure offered to the scheme."""

import datetime
from decimal import Decimal

import pytest

from assistance.metrics import (
    appeal_satisfaction_by_union,
    appeals_in_time_by_union,
    files_aided_by_union,
    files_kept_current_by_union,
)
from assistance.models import Appeal, AppealStatus, HardshipFile
from assistance.services import appeal_move, appeal_rate
from assistance.sheets import assistance_sheet
from cohesion_portal import metrics, monthly_figures
from cohesion_portal.access import EVERYTHING, Reader
from reports.services.exports import report_context

from ..factories import EnterpriseFactory, id_number
from .builders import hardship_file_in
from .test_aid import aid
from .test_appeals import an_appeal
from .test_stations import a_station

pytestmark = pytest.mark.django_db
D = datetime.date
OCTOBER, NOVEMBER = D(2026, 10, 1), D(2026, 11, 1)
TODAY = D(2026, 11, 30)


def answered(world, appeal, on: datetime.date, rating=""):
    officer = world.users["officer_a"]
    appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ACCEPTED)
    appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ANSWERED, answer="已处理")
    Appeal.objects.filter(pk=appeal.pk).update(answered_on=on)
    if rating:
        appeal_rate(appeal=appeal, satisfaction=rating)
        Appeal.objects.filter(pk=appeal.pk).update(closed_on=on)


def figures(union, month):
    keys = [f for f in monthly_figures.figures() if f.key.startswith("assistance.")]
    return {f.key.split(".")[1]: monthly_figures.value(f, union, month, TODAY) for f in keys}


@pytest.fixture
def two_months(world):
    a = world.unions["A"]
    # Received 9 Oct (Fri, due Fri 16 Oct), answered 15 Oct: in time; rated satisfied.
    first, _ = an_appeal(world, received_on=D(2026, 10, 9))
    answered(world, first, D(2026, 10, 15), rating="satisfied")
    # Received 12 Oct (due 19 Oct), answered 3 Nov: late; rated not satisfied.
    late, _ = an_appeal(world, received_on=D(2026, 10, 12))
    answered(world, late, D(2026, 11, 3), rating="unsatisfied")
    # Received 22 Oct (due 29 Oct), never answered: overdue at the end of both months.
    an_appeal(world, received_on=D(2026, 10, 22))
    # Received 2 Nov (due 9 Nov), answered 6 Nov, rated basically satisfied.
    early, _ = an_appeal(world, received_on=D(2026, 11, 2))
    answered(world, early, D(2026, 11, 6), rating="basically")
    # Received 26 Nov (due 3 Dec): not overdue at the end of November.
    an_appeal(world, received_on=D(2026, 11, 26))
    # C's, received in October: not A's.
    an_appeal(world, union="C", received_on=D(2026, 10, 9), actor=world.users["staff_lt"])
    # Files: one opened in March and still open; one closed on 15 November.
    hardship_file_in(a)
    HardshipFile.objects.filter(pk=hardship_file_in(a).pk).update(
        closed_on=D(2026, 11, 15), close_reason="out"
    )
    # Aid: 王 twice in November (800 cash; goods worth 350.50), 李 in October (600), an
    # enterprise of A in November (1,000); C's worker in November (not A's).
    wang = id_number()
    aid(world, id_number=wang, given_on=D(2026, 11, 3))
    aid(
        world,
        id_number=wang,
        cash=None,
        goods="米面油",
        goods_value=Decimal("350.50"),
        given_on=D(2026, 11, 20),
    )
    aid(world, name="李受助", id_number=id_number(), cash=Decimal("600"), given_on=D(2026, 10, 8))
    aid(
        world,
        name="",
        id_number="",
        enterprise=EnterpriseFactory(union=a),
        cash=Decimal("1000"),
        given_on=D(2026, 11, 9),
    )
    aid(world, union="C", id_number=id_number(), given_on=D(2026, 11, 9))
    # T7: a love supermarket of A serving two of its enterprises from 1 November.
    a_station(world, "A", [EnterpriseFactory(union=a) for _ in range(2)], opened_on=NOVEMBER)


def test_the_assistance_figures_of_two_months(world, two_months):
    a = world.unions["A"]
    assert figures(a, OCTOBER) == {
        "files_open": 2,
        "aid_beneficiaries": 1,
        "aid_value": 600,
        "found_work": 0,  # (job help's own test counts them)
        "appeals_received": 3,
        "appeals_answered": 1,
        "appeals_in_time": 100,
        "appeals_overdue": 2,  # the one of 12 Oct (answered in November) and of 22 Oct
        "appeals_satisfaction": 100,
        "legal_cases": 0,  # (legal aid's own test counts them)
        "legal_recovered": 0,
        "love_supermarket_units": 0,
    }
    assert figures(a, NOVEMBER) == {
        "files_open": 1,
        "aid_beneficiaries": 2,  # 王 (twice) and the enterprise
        "aid_value": 2150.5,  # 800 + 350.50 + 1,000
        "found_work": 0,
        "appeals_received": 2,
        "appeals_answered": 2,  # the late one (3 Nov) and the early one (6 Nov)
        "appeals_in_time": 50,
        "appeals_overdue": 1,  # the one of 22 Oct
        "appeals_satisfaction": 50,  # basically satisfied, of two rated in November
        "legal_cases": 0,
        "legal_recovered": 0,
        "love_supermarket_units": 2,
    }


def test_the_excel_sheet_has_the_same_figures_with_their_counts(world, two_months):
    report = report_context(Reader(EVERYTHING), NOVEMBER, "全部")
    (table,) = assistance_sheet(report)
    rows = {row[0]: row[2:] for row in table.rows}
    # files, helped, aid, received, answered, in time, %, overdue, rated, satisfied, %, T7
    assert rows["单元A工会委员会"] == [1, 2, Decimal("2150.50"), 2, 2, 1, 50.0, 1, 2, 1, 50.0, 2]
    assert rows["单元C工会委员会"] == [0, 1, Decimal("800.00"), 0, 0, 0, None, 1, 0, 0, None, 0]
    assert rows["单元B工会委员会"] == [0, 0, 0, 0, 0, 0, None, 0, 0, 0, None, 0]


def test_the_share_of_files_kept_current_offered_to_the_scheme(world):
    """Open at 30 November 2026: due for review if last reviewed (or, never, opened) on or
    before 30 May."""
    a, c = world.unions["A"], world.unions["C"]
    never_reviewed = hardship_file_in(a)  # opened 1 March: due
    reviewed = hardship_file_in(a)
    new = hardship_file_in(a)
    closed = hardship_file_in(a)
    HardshipFile.objects.filter(pk=reviewed.pk).update(last_reviewed_on=D(2026, 7, 1))
    HardshipFile.objects.filter(pk=new.pk).update(opened_on=D(2026, 10, 1))
    HardshipFile.objects.filter(pk=closed.pk).update(closed_on=D(2026, 11, 1), close_reason="out")
    HardshipFile.objects.filter(pk=hardship_file_in(c).pk).update(last_reviewed_on=D(2026, 5, 30))
    assert never_reviewed.last_reviewed_on is None
    assert files_kept_current_by_union(D(2026, 1, 1), TODAY) == {
        a.pk: pytest.approx(100 * 2 / 3),
        c.pk: 0,  # reviewed on 30 May: six months ago to the day, so due
    }


def test_the_aid_and_appeal_shares_offered_to_the_scheme(world, two_months):
    """Over October and November: A's one open file was given nothing (the aid went to other
    workers); C's file, helped on 20 October, was. A answered three appeals, two by their
    deadline, and of the three ratings two were satisfied or basically; C answered none."""
    a, c = world.unions["A"], world.unions["C"]
    file_c = hardship_file_in(c)
    aid(world, union="C", name=file_c.name, id_number=file_c.id_number, given_on=D(2026, 10, 20))
    assert files_aided_by_union(OCTOBER, TODAY) == {a.pk: 0, c.pk: 100}
    assert files_aided_by_union(NOVEMBER, TODAY) == {a.pk: 0, c.pk: 0}
    assert appeals_in_time_by_union(OCTOBER, TODAY) == {a.pk: pytest.approx(200 / 3)}
    assert appeal_satisfaction_by_union(OCTOBER, TODAY) == {a.pk: pytest.approx(200 / 3)}
    offered = {m.key for m in metrics.all_metrics() if "hardship" in m.assesses}
    assert {"assistance.files_aided", "assistance.appeals_in_time"} <= offered
