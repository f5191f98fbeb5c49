import pytest
from django.core.exceptions import ValidationError

from unions.models import Enterprise, Union
from unions.services import union_update

from ..factories import EnterpriseFactory, industry, make_union


@pytest.mark.django_db
def test_paths_follow_the_tree():
    root = make_union("甲工会委员会")
    branch = make_union("一车间分会", parent=root)
    group = make_union("第一小组", parent=branch, kind="group")
    assert root.path == f"{root.pk:08d}/"
    assert group.path == f"{root.pk:08d}/{branch.pk:08d}/{group.pk:08d}/"
    assert set(Union.objects.subtree_of(branch)) == {branch, group}
    assert group.ancestor_ids() == [root.pk, branch.pk]
    assert group.industry_union == root.industry_union


@pytest.mark.django_db
def test_moving_a_branch_moves_its_groups_and_enterprises_along():
    first, second = (
        make_union("甲工会委员会"),
        make_union("乙工会委员会", industry_code="agri-water"),
    )
    branch = make_union("一车间分会", parent=first)
    group = make_union("第一小组", parent=branch, kind="group")
    enterprise = EnterpriseFactory(union=group)

    union_update(actor=None, union=branch, parent=second)

    group.refresh_from_db()
    assert group.path.startswith(second.path)
    assert group.industry_union == industry("agri-water")
    assert Enterprise.objects.get(pk=enterprise.pk).industry_union == industry("agri-water")
    assert not Union.objects.subtree_of(first).exclude(pk=first.pk).exists()


@pytest.mark.django_db
def test_a_union_cannot_be_made_its_own_ancestor():
    root = make_union("甲工会委员会")
    branch = make_union("一车间分会", parent=root)
    group = make_union("第一小组", parent=branch, kind="group")
    with pytest.raises(ValidationError) as error:
        union_update(actor=None, union=branch, parent=branch)
    assert "parent" in error.value.message_dict
    with pytest.raises(ValidationError):
        union_update(actor=None, union=root, parent=group, kind="branch")
    root.refresh_from_db()
    assert root.parent is None


@pytest.mark.django_db
def test_two_units_of_one_parent_cannot_share_a_name():
    root = make_union("甲工会委员会")
    make_union("一车间分会", parent=root)
    with pytest.raises(ValidationError) as error:
        make_union("一车间分会", parent=root)
    assert "name" in error.value.message_dict
    make_union("一车间分会", parent=make_union("乙工会委员会"))  # another parent is fine


@pytest.mark.django_db
def test_grassroots_names_are_unique_within_an_industry_union_only():
    make_union("联合工会")
    with pytest.raises(ValidationError):
        make_union("联合工会")
    make_union("联合工会", industry_code="agri-water")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent_kind", "kind"),
    [(None, "branch"), (None, "group"), ("group", "group"), ("branch", "branch")],
)
def test_the_levels_of_the_small_three_level_network_are_kept(parent_kind, kind):
    root = make_union("甲工会委员会")
    parents = {None: None, "branch": make_union("分会", parent=root)}
    if parent_kind == "group":
        parents["group"] = make_union("小组", parent=parents["branch"], kind="group")
    with pytest.raises(ValidationError) as error:
        make_union("新组织", parent=parents[parent_kind], kind=kind)
    assert "parent" in error.value.message_dict


@pytest.mark.django_db
def test_a_union_with_units_cannot_become_a_group():
    root = make_union("甲工会委员会")
    branch = make_union("一车间分会", parent=root)
    make_union("第一小组", parent=branch, kind="group")
    with pytest.raises(ValidationError) as error:
        union_update(actor=None, union=branch, parent=root, kind="group")
    assert "kind" in error.value.message_dict


@pytest.mark.django_db
def test_every_change_is_kept_in_history():
    root = make_union("甲工会委员会")
    union_update(actor=None, union=root, parent=None, chair="王强")
    assert list(root.history.order_by("history_date").values_list("chair", flat=True)) == [
        "",
        "王强",
    ]
