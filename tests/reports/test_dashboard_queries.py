"""The dashboard (filtered or not) and a grassroots officer's home page run a fixed number of
queries, the same on a small and a larger data set."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ..factories import EnterpriseFactory, enrol, industry, make_union
from ..plugged import later_attention_items
from ..scoping import (
    assessment_of,
    congress_of,
    contract_of,
    disclosure_of,
    offer_of,
    performance_check_of,
    reminder_for,
    scorecard_of,
    survey_of,
)
from .test_dashboard_filters import t1_plan

# Measured (session, user, role and the reminder bell included), and asserted exactly at
# both sizes: the same count on a small and a larger data set. An attention item of a later
# app adds its one query.
LATER = later_attention_items()
COUNTS = {
    "staff_lt": 26 + LATER,
    "staff_lt, one cadre's unions": 28 + LATER,
    "superuser, one industry union": 26 + LATER,  # (a superuser's permissions: no query)
    "officer_a": 27 + LATER,  # (the 月报's recruits ask which plan period the month is in)
    "staff_lt: the unions behind on recruitment": 14,
    "staff_lt: the enterprises without a contract": 8,
}


def grow(world, size):
    root = world.unions["A"]
    for i in range(size):
        branch = make_union(f"扩展分会{i}", parent=root)
        make_union(f"扩展小组{i}", parent=branch, kind="group")
        contract_of(branch)
        offer_of(branch)
        congress_of(branch)
        disclosure_of(branch)
        performance_check_of(branch)
        reminder_for(branch)
        union = make_union(f"扩展评分工会{i}")
        scorecard_of(union)
        assessment_of(union)
        survey_of(union)
        EnterpriseFactory(union=root)
        make_union(f"扩展工会{i}")
        enrol(branch)


def url_for(case, world):
    if case == "officer_a":
        return "officer_a", reverse("home")
    if case == "staff_lt, one cadre's unions":
        return "staff_lt", f"{reverse('reports:dashboard')}?cadre={world.users['cadre_a'].pk}"
    if case == "superuser, one industry union":
        return "superuser", f"{reverse('reports:dashboard')}?industry_union={industry().pk}"
    if case.endswith("recruitment"):
        return "staff_lt", f"{reverse('standards:recruitment')}?behind=true"
    if case.endswith("contract"):
        return "staff_lt", reverse("contracts:uncovered")
    return "staff_lt", reverse("reports:dashboard")


def queries(client, world, case) -> int:
    persona, url = url_for(case, world)
    client.force_login(world.users[persona])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 30])
@pytest.mark.parametrize("case", sorted(COUNTS))
def test_the_count_stays_the_same_as_the_data_grows(client, world, case, size):
    t1_plan()
    grow(world, size)
    assert queries(client, world, case) == COUNTS[case], case
