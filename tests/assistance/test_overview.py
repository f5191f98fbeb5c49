"""Assistance at a glance, counted by hand from the 月报 test's two months (October and
November 2026 in union A, one appeal and one aid record of C), as industry staff (A and C) and
as A's area cadre (A alone, figures without the permission to read names)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from assistance.models import LegalCase
from assistance.overview import overview

from ..factories import id_number
from .test_aid import aid
from .test_legal_aid import a_case, a_workstation
from .test_monthly_figures import TODAY, two_months  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def a_legal_case(world):
    case = a_case(world, a_workstation(world))  # taken on 12 October
    LegalCase.objects.filter(pk=case.pk).update(closed_on=D(2026, 11, 20), recovered=5000)


def test_the_year_at_a_glance_by_hand(world, two_months, a_legal_case):  # noqa: F811
    staff = overview(world.users["staff_lt"], 2026, TODAY)
    assert [(grade.code, n) for grade, n in staff.files_by_grade if n] == [("ordinary", 1)]
    assert (staff.files_open, staff.files_due) == (1, 1)  # opened 1 March, never reviewed
    # Received: A's five and C's one. Answered in 2026: 15 Oct (in time), 3 Nov (late),
    # 6 Nov (in time). Overdue today: A's of 22 October and C's of 9 October.
    assert (staff.appeals_received, staff.appeals_answered, staff.appeals_overdue) == (6, 3, 2)
    assert staff.in_time_rate == 66.67
    assert staff.satisfaction_rate == 66.67  # satisfied, basically; not satisfied
    # Working days to answer: 9 Oct → 15 Oct is 5 (Saturday 10 October was a make-up working
    # day), 12 Oct → 3 Nov is 16, 2 Nov → 6 Nov is 4: 25 / 3.
    assert staff.mean_workdays == 8.3
    # Aid, all 送温暖: 李 600 in October; in November 王 800 and goods worth 350.50, the
    # enterprise 1,000, C's worker 800. 王 twice is one beneficiary.
    assert (staff.aid_year.beneficiaries, staff.aid_year.value) == (4, Decimal("3550.50"))
    months = {month: (cells, total) for month, cells, total in staff.aid_months}
    assert len(months) == 11  # January to November: the year so far
    assert (months[10][1].beneficiaries, months[10][1].value) == (1, Decimal("600.00"))
    november = months[11][0]["warmth"]
    assert (november.beneficiaries, november.value) == (3, Decimal("2950.50"))
    assert months[11][0]["cooling"].beneficiaries == 0
    assert staff.aid_programmes["warmth"].beneficiaries == 4
    assert (staff.legal_cases, staff.legal_recovered) == (1, Decimal("5000.00"))

    cadre = overview(world.users["cadre_a"], 2026, TODAY)  # union A alone
    assert (cadre.appeals_received, cadre.appeals_overdue) == (5, 1)
    assert (cadre.aid_year.beneficiaries, cadre.aid_year.value) == (3, Decimal("2750.50"))
    assert (cadre.files_open, cadre.legal_cases) == (1, 1)

    earlier = overview(world.users["staff_lt"], 2025, TODAY)
    assert (earlier.appeals_received, earlier.aid_year.beneficiaries, earlier.legal_cases) == (
        0,
        0,
        0,
    )
    assert earlier.mean_workdays is None and earlier.in_time_rate is None
    assert len(earlier.aid_months) == 12
    assert earlier.files_open == 1  # files are as they stand today


def test_every_role_reads_the_figures_of_its_area(client, world, two_months):  # noqa: F811
    # Received in 2026: A's five and C's one; the leader of both industries reads them all.
    for persona, received in (("cadre_a", 5), ("staff_lt", 6), ("leader_all", 6), ("officer_a", 5)):
        client.force_login(world.users[persona])
        page = client.get(reverse("assistance:overview"), {"year": "2026"}).content.decode()
        assert f'id="appeals-received">{received}<' in page, persona
    client.force_login(world.users["no_role"])
    assert "appeals-received" not in client.get(reverse("assistance:overview")).content.decode()


@pytest.mark.django_db(transaction=True)  # (figures are cached only once their writes commit)
def test_the_figures_are_kept_until_the_next_write(world, two_months, settings):  # noqa: F811
    """As the dashboard's (data_version): a second visit reads no record, until a write."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.FIGURES_CACHE_SECONDS = 600
    cache.clear()
    first = overview(world.users["staff_lt"], 2026, TODAY)
    with CaptureQueriesContext(connection) as again:
        second = overview(world.users["staff_lt"], 2026, TODAY)
    assert second == first
    assert not [q for q in again.captured_queries if "assistance_" in q["sql"]]
    aid(world, name="新受助", id_number=id_number(), given_on=D(2026, 11, 25))
    after = overview(world.users["staff_lt"], 2026, TODAY)
    assert after.aid_year.beneficiaries == first.aid_year.beneficiaries + 1
