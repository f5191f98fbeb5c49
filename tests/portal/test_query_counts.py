"""The main pages run a fixed number of queries, whatever the amount of data.

Each page is measured on a small and a larger data set against one bound, so an N+1 fails.
"""

import pytest
from django.urls import reverse

from ..factories import EnterpriseFactory, enrol, make_union
from ..plugged import later_attention_items
from ..scoping import (
    assessment_of,
    congress_of,
    contract_of,
    disclosure_of,
    offer_of,
    performance_check_of,
    plan_for,
    reminder_for,
    scheme_for,
    scorecard_of,
    survey_of,
)

BOUNDS = {  # measured; session, user and role lookups and the reminder bell included
    # (for industry staff, the home page is the dashboard: a later app's attention item adds one)
    "home": 28 + later_attention_items(),
    "unions:tree": 9,
    "unions:union_children": 9,
    "unions:union_detail": 15,
    "unions:enterprise_list": 9,
    "unions:enterprise_detail": 7,
    "unions:member_list": 10,
    "unions:member_detail": 12,
    "unions:transfer_list": 6,
    "unions:application_list": 6,
    "contracts:list": 10,
    "contracts:detail": 9,
    "contracts:offer_list": 6,
    "contracts:congress_list": 10,
    "contracts:disclosure_list": 9,
    "contracts:disclosure_detail": 7,
    "reminders:list": 6,
    "standards:ranking": 15,
    "reports:dashboard": 28 + later_attention_items(),
    "standards:scorecard": 6,
    "standards:assessment_list": 10,
    "standards:assessment_detail": 12,
    "standards:survey_list": 10,
    "standards:plan_detail": 9,
    "standards:scheme_detail": 13,
}


DETAIL_BUILDERS = {
    "standards:scorecard": scorecard_of,
    "standards:assessment_detail": assessment_of,
    "standards:plan_detail": plan_for,
    "standards:scheme_detail": scheme_for,
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


def url_for(name, world):
    if name in ("unions:union_detail", "unions:union_children"):
        return reverse(name, args=[world.unions["A"].pk])
    if name == "contracts:detail":
        return reverse(name, args=[contract_of(world.unions["A"]).pk])
    if name in DETAIL_BUILDERS:
        return reverse(name, args=[DETAIL_BUILDERS[name](world.unions["A"]).pk])
    if name == "contracts:disclosure_detail":
        return reverse(name, args=[disclosure_of(world.unions["A"]).pk])
    if name == "unions:member_detail":
        return reverse(name, args=[enrol(world.unions["A"]).pk])
    if name == "unions:enterprise_detail":
        return reverse(name, args=[EnterpriseFactory(union=world.unions["A"]).pk])
    return reverse(name)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 30])
@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_a_page_stays_within_its_query_bound(
    client, world, django_assert_max_num_queries, name, size
):
    grow(world, size)
    url = url_for(name, world)
    client.force_login(world.users["staff_lt"])
    with django_assert_max_num_queries(BOUNDS[name]):
        response = client.get(url)
    assert response.status_code == 200
