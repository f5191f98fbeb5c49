import pytest
from django.urls import reverse

from unions.models import Union

from ..factories import EnterpriseFactory, enrol


@pytest.mark.django_db
def test_the_tree_shows_the_tops_of_the_scope_with_their_counts(client, world):
    EnterpriseFactory(union=world.deepest["A"], headcount=50)
    EnterpriseFactory(union=world.unions["A"], headcount=70)
    enrol(world.deepest["A"])
    client.force_login(world.users["staff_lt"])
    response = client.get(reverse("unions:tree"))
    assert [u.name for u in response.context["object_list"]] == [
        world.unions["A"].name,
        world.unions["C"].name,
    ]
    counts = response.context["counts"][world.unions["A"].pk]
    assert counts == {
        "children": 1,
        "units": 2,
        "enterprises": 2,
        "employees": 120,
        "members": 1,
    }


@pytest.mark.django_db
def test_an_officer_of_a_branch_sees_the_branch_as_the_top(client, world):
    from unions.models import Role

    branch = world.deepest["A"].parent
    Role.objects.filter(user=world.users["officer_a"]).update(union=branch)
    client.force_login(world.users["officer_a"])
    response = client.get(reverse("unions:tree"))
    assert list(response.context["object_list"]) == [branch]


@pytest.mark.django_db
def test_opening_a_node_lists_its_units(client, world):
    client.force_login(world.users["officer_a"])
    response = client.get(reverse("unions:union_children", args=[world.unions["A"].pk]))
    assert [u.name for u in response.context["children"]] == ["单元A一车间分会"]


@pytest.mark.django_db
def test_a_union_made_its_own_ancestor_is_refused_next_to_the_parent_field(client, world):
    branch = world.deepest["A"].parent
    root = world.unions["A"]
    client.force_login(world.users["superuser"])
    data = {"name": root.name, "kind": "committee", "parent": branch.pk, "status": "active"}
    response = client.post(reverse("unions:union_edit", args=[root.pk]), data)
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    root.refresh_from_db()
    assert root.parent is None


@pytest.mark.django_db
def test_a_duplicate_name_under_one_parent_is_refused(client, world):
    client.force_login(world.users["officer_a"])
    data = {
        "name": " 单元A一车间分会 ",
        "kind": "branch",
        "parent": world.unions["A"].pk,
        "status": "active",
    }
    response = client.post(reverse("unions:union_create"), data)
    assert response.context["form"].errors["name"] == [
        "同一上级下已有名为“单元A一车间分会”的工会组织。"
    ]


@pytest.mark.django_db
def test_an_officer_adds_a_branch_and_it_lands_in_the_tree(client, world):
    client.force_login(world.users["officer_a"])
    data = {
        "name": "二车间分会",
        "kind": "branch",
        "parent": world.unions["A"].pk,
        "status": "active",
    }
    response = client.post(reverse("unions:union_create"), data)
    branch = Union.objects.get(name="二车间分会")
    assert response["Location"] == branch.get_absolute_url()
    assert branch.is_in_subtree_of(world.unions["A"])


@pytest.mark.django_db
def test_an_officer_cannot_create_a_grassroots_union(client, world):
    client.force_login(world.users["officer_a"])
    data = {"name": "新工会委员会", "kind": "committee", "status": "active"}
    response = client.post(reverse("unions:union_create"), data)
    assert response.status_code == 200
    assert not Union.objects.filter(name="新工会委员会").exists()


@pytest.mark.django_db
def test_the_create_page_does_not_offer_a_parent_outside_the_scope(client, world):
    client.force_login(world.users["officer_a"])
    response = client.get(reverse("unions:union_create"), {"parent": world.unions["B"].pk})
    assert response.context["form"].initial.get("parent") is None
    assert world.unions["B"].name not in response.content.decode()


@pytest.mark.django_db
def test_searching_the_tree_finds_branches_and_groups_too(client, world):
    client.force_login(world.users["staff_lt"])
    response = client.get(reverse("unions:tree"), {"q": "第一小组"})
    assert [u.name for u in response.context["object_list"]] == ["单元A第一小组", "单元C第一小组"]


@pytest.mark.django_db
def test_a_cycle_entered_in_the_admin_is_an_error_on_the_form(client, world):
    root, branch = world.unions["A"], world.deepest["A"].parent
    client.force_login(world.users["superuser"])
    response = client.post(
        reverse("admin:unions_union_change", args=[root.pk]),
        {
            "industry_union": root.industry_union_id,
            "parent": branch.pk,
            "kind": "committee",
            "name": root.name,
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    root.refresh_from_db()
    assert root.parent is None


@pytest.mark.django_db
def test_a_committee_with_branches_cannot_become_a_branch(client, world):
    client.force_login(world.users["superuser"])
    root_c = world.unions["C"]
    data = {
        "name": root_c.name,
        "kind": "branch",
        "parent": world.unions["A"].pk,
        "status": "active",
    }
    response = client.post(reverse("unions:union_edit", args=[root_c.pk]), data)
    assert "kind" in response.context["form"].errors


@pytest.mark.django_db
def test_an_officer_of_a_branch_can_edit_their_branch(client, world):
    from unions.models import Role

    branch = world.deepest["A"].parent
    Role.objects.filter(user=world.users["officer_a"]).update(union=branch)
    client.force_login(world.users["officer_a"])
    data = {
        "name": branch.name,
        "kind": "branch",
        "parent": branch.parent_id,
        "status": "active",
        "chair": "李明",
        "record_version": branch.version,
    }
    response = client.post(reverse("unions:union_edit", args=[branch.pk]), data)
    assert response.status_code == 302
    branch.refresh_from_db()
    assert branch.chair == "李明"


@pytest.mark.django_db
def test_a_grassroots_union_moves_to_the_other_industry_union_with_its_tree(client, world):
    from ..factories import EnterpriseFactory, industry

    enterprise = EnterpriseFactory(union=world.deepest["A"])
    root = world.unions["A"]
    client.force_login(world.users["superuser"])
    data = {
        "name": root.name,
        "kind": "committee",
        "status": "active",
        "industry_union": industry("agri-water").pk,
        "record_version": root.version,
    }
    assert client.post(reverse("unions:union_edit", args=[root.pk]), data).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.industry_union == industry("agri-water")
    assert world.deepest["A"].__class__.objects.get(
        pk=world.deepest["A"].pk
    ).industry_union == industry("agri-water")
