"""The main pages run a fixed number of queries, whatever the amount of data.

Each page is measured on a small and a larger data set against one bound, so an N+1 fails.
"""

import pytest
from django.urls import reverse

from ..factories import EnterpriseFactory, enrol, make_union
from ..scoping import congress_of, contract_of, offer_of

BOUNDS = {  # measured; session, user and role lookups included
    "home": 7,
    "unions:tree": 8,
    "unions:union_children": 8,
    "unions:union_detail": 14,
    "unions:enterprise_list": 8,
    "unions:enterprise_detail": 6,
    "unions:member_list": 9,
    "unions:member_detail": 11,
    "unions:transfer_list": 5,
    "unions:application_list": 5,
    "contracts:list": 9,
    "contracts:detail": 7,
    "contracts:offer_list": 5,
    "contracts:congress_list": 6,
}


def grow(world, size):
    root = world.unions["A"]
    for i in range(size):
        branch = make_union(f"扩展分会{i}", parent=root)
        make_union(f"扩展小组{i}", parent=branch, kind="group")
        contract_of(branch)
        offer_of(branch)
        congress_of(branch)
        EnterpriseFactory(union=root)
        make_union(f"扩展工会{i}")
        enrol(branch)


def url_for(name, world):
    if name in ("unions:union_detail", "unions:union_children"):
        return reverse(name, args=[world.unions["A"].pk])
    if name == "contracts:detail":
        return reverse(name, args=[contract_of(world.unions["A"]).pk])
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
