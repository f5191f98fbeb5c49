"""The type-ahead pickers: a contract's covered enterprises and a list's union filter are found
by typing, among the records of the user's scope, narrowed by the union the form has chosen."""

import re

import pytest
from django.urls import reverse

from cohesion_portal.widgets import PICK_LIMIT

from ..factories import EnterpriseFactory, make_union

ENTERPRISES = reverse("unions:enterprise_pick")
UNIONS = reverse("unions:union_pick")


def offered(response) -> dict[str, bool]:
    """{record id: ticked} of the choices a picker's answer holds."""
    html = response.content.decode()
    inputs = re.findall(
        r'<input class="form-check-input" type="\w+" name="\w+" value="(\d*)"[^>]*>', html
    )
    ticked = set(re.findall(r'value="(\d+)" id="[^"]+" checked', html))
    return {pk: pk in ticked for pk in inputs if pk}


@pytest.fixture
def mills(world):
    """Two enterprises of union A (one under its branch), one of C, one of B, one without."""
    branch = world.unions["A"].children.get()
    return {
        "a": EnterpriseFactory(name="甲纺织厂", union=world.unions["A"]),
        "a_branch": EnterpriseFactory(name="甲纺织二厂", union=branch),
        "c": EnterpriseFactory(name="丙纺织厂", union=world.unions["C"]),
        "b": EnterpriseFactory(name="乙纺织厂", union=world.unions["B"]),
        "none": EnterpriseFactory(name="丁纺织厂"),
    }


def ids(*records) -> set[str]:
    return {str(r.pk) for r in records}


@pytest.mark.django_db
def test_an_officer_finds_only_the_enterprises_of_their_union(client, world, mills):
    client.force_login(world.users["officer_a"])
    found = offered(client.get(ENTERPRISES, {"name": "enterprises", "enterprises-search": "纺织"}))
    assert set(found) == ids(mills["a"], mills["a_branch"])
    # Asking for another union's, or for any union's, changes nothing outside the scope.
    found = offered(
        client.get(
            ENTERPRISES, {"name": "enterprises", "union": world.unions["C"].pk, "anywhere": "1"}
        )
    )
    assert set(found) == ids(mills["a"], mills["a_branch"])


@pytest.mark.django_db
def test_staff_find_the_chosen_unions_enterprises_unless_they_ask_for_any(client, world, mills):
    client.force_login(world.users["staff_lt"])
    query = {"name": "enterprises", "enterprises-search": "纺织", "union": world.unions["C"].pk}
    assert set(offered(client.get(ENTERPRISES, query))) == ids(mills["c"])
    # A branch chosen narrows to its grassroots union: its enterprises, and those of the union.
    branch = world.unions["A"].children.get()
    found = offered(client.get(ENTERPRISES, {**query, "union": branch.pk}))
    assert set(found) == ids(mills["a"], mills["a_branch"])
    found = offered(client.get(ENTERPRISES, {**query, "anywhere": "1"}))
    assert set(found) == ids(
        mills["a"], mills["a_branch"], mills["c"]
    )  # never B's, nor one without a union


@pytest.mark.django_db
def test_a_search_keeps_what_is_ticked_and_does_not_offer_it_twice(client, world, mills):
    client.force_login(world.users["staff_lt"])
    response = client.get(
        ENTERPRISES,
        {
            "name": "enterprises",
            "multiple": "1",
            "enterprises": [mills["c"].pk],
            "enterprises-search": "甲",
        },
    )
    assert offered(response) == {
        str(mills["c"].pk): True,
        str(mills["a"].pk): False,
        str(mills["a_branch"].pk): False,
    }
    assert 'type="checkbox"' in response.content.decode()


@pytest.mark.django_db
def test_a_ticked_id_outside_the_scope_is_dropped_unnamed(client, world, mills):
    client.force_login(world.users["staff_lt"])
    response = client.get(
        ENTERPRISES,
        {"name": "enterprises", "multiple": "1", "enterprises": [mills["b"].pk, "x", "-1"]},
    )
    assert str(mills["b"].pk) not in offered(response)
    assert "乙纺织厂" not in response.content.decode()


@pytest.mark.django_db
def test_one_choice_is_a_radio_and_a_filter_offers_all(client, world, mills):
    client.force_login(world.users["staff_lt"])
    response = client.get(
        ENTERPRISES, {"name": "enterprise", "enterprise": [mills["a"].pk, mills["c"].pk]}
    )
    assert offered(response)[str(mills["a"].pk)] is True
    assert offered(response)[str(mills["c"].pk)] is False  # one choice keeps the first only
    assert 'type="checkbox"' not in response.content.decode()
    all_choice = client.get(UNIONS, {"name": "union", "empty": "all"}).content.decode()
    assert re.search(r'type="radio" name="union" value="" id="id_union-none" checked>', all_choice)
    assert "全部" in all_choice


@pytest.mark.django_db
def test_past_the_limit_the_person_is_asked_to_type_more(client, world):
    for i in range(PICK_LIMIT + 1):
        EnterpriseFactory(name=f"戊纺织{i:02d}厂", union=world.unions["A"])
    client.force_login(world.users["officer_a"])
    response = client.get(ENTERPRISES, {"name": "enterprises", "enterprises-search": "戊"})
    assert len(offered(response)) == PICK_LIMIT
    assert "请输入更多文字" in response.content.decode()
    response = client.get(ENTERPRISES, {"name": "enterprises", "enterprises-search": "戊纺织12"})
    assert len(offered(response)) == 1
    nothing = client.get(ENTERPRISES, {"name": "enterprises", "enterprises-search": "没有这家"})
    assert offered(nothing) == {} and "没有找到" in nothing.content.decode()


@pytest.mark.django_db
def test_a_union_is_named_with_the_unions_above_it_in_the_scope(client, world):
    client.force_login(world.users["staff_lt"])
    response = client.get(UNIONS, {"name": "union", "union-search": "小组"})
    page = response.content.decode()
    assert "单元A工会委员会 › 单元A一车间分会 › 单元A第一小组" in page
    assert "单元C工会委员会 › 单元C一车间分会 › 单元C第一小组" in page
    assert "单元B" not in page  # another industry union's

    # An officer of a branch sees the branch and below, named without the union above it.
    branch = world.unions["A"].children.get()
    from unions.models import RoleKind

    from ..factories import make_user

    keeper = make_user(RoleKind.GRASSROOTS_OFFICER, union=branch, username="branch_officer")
    client.force_login(keeper)
    page = client.get(UNIONS, {"name": "union", "union-search": "小组"}).content.decode()
    assert "单元A一车间分会 › 单元A第一小组" in page
    assert "单元A工会委员会" not in page


@pytest.mark.django_db
def test_the_contract_form_names_what_it_covers_and_saves_the_ticked(client, world, mills):
    """The form carries the chosen enterprises as ticked boxes, not a list of every one."""
    for i in range(30):
        make_union(f"别的工会{i}")
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("contracts:create"), {"union": world.unions["A"].pk}).content.decode()
    assert "<option" not in page.split('id="id_enterprises-picker"')[1].split("</div>\n</div>")[0]
    assert f'hx-get="{ENTERPRISES}?name=enterprises&amp;multiple=1&amp;empty="' in page
    assert 'hx-include="#id_enterprises-picker, #id_union"' in page


@pytest.mark.django_db
def test_a_list_filtered_by_a_union_names_it_in_three_more_queries(
    client, world, django_assert_max_num_queries
):
    """The filter checks the chosen union, names it and names the unions above it: three
    queries, whatever the number of unions in the scope."""
    from tests.portal.query_bounds import BOUNDS

    for i in range(20):
        make_union(f"别的工会{i}")
    group = world.deepest["C"]
    client.force_login(world.users["staff_lt"])
    with django_assert_max_num_queries(BOUNDS["unions:enterprise_list"] + 3):
        page = client.get(reverse("unions:enterprise_list"), {"union": group.pk}).content.decode()
    picker = page.split('id="id_union-picker"')[1].split('id="id_union-choices"')[0]
    assert 'placeholder="单元C工会委员会 › 单元C一车间分会 › 单元C第一小组"' in picker
    assert "别的工会" not in page
