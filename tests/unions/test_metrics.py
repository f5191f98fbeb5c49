import datetime

import pytest

from unions.metrics import scope_overview, subtree_counts
from unions.services import member_leave

from ..factories import EnterpriseFactory, enrol


@pytest.mark.django_db
def test_the_workbench_figures_count_the_scope_by_hand(world, unaffiliated):
    EnterpriseFactory(union=world.deepest["A"], headcount=120, migrant_headcount=50)
    EnterpriseFactory(union=world.unions["A"], headcount=80, migrant_headcount=0)
    EnterpriseFactory(union=world.unions["C"], headcount=300, migrant_headcount=100)
    EnterpriseFactory(union=world.unions["B"], headcount=999, migrant_headcount=9)
    enrol(world.unions["A"])
    enrol(world.deepest["A"])
    enrol(world.unions["C"])
    enrol(world.unions["B"])
    member_leave(
        actor=None, member=enrol(world.unions["C"]), on=datetime.date(2026, 4, 1), reason="离职"
    )

    # Light-textile staff: A and C (3 unions each: root, branch, group), plus the
    # light-textile enterprise without a union (headcount 100 from the factory).
    figures = scope_overview(world.users["staff_lt"])
    assert figures["grassroots"] == 2
    assert figures["units"] == 4
    assert figures["enterprises"]["total"] == 4
    assert figures["enterprises"]["unionized"] == 3
    assert figures["enterprises"]["employees"] == 120 + 80 + 300
    assert figures["enterprises"]["migrants"] == 50 + 0 + 100
    assert figures["establishment_rate"] == 3 / 4
    assert figures["rate_applies"] is True
    assert figures["members"] == 3  # A's two and C's one active member

    officer = scope_overview(world.users["officer_a"])
    assert officer["grassroots"] == 1
    assert officer["enterprises"]["total"] == 2
    assert officer["enterprises"]["employees"] == 200
    assert officer["establishment_rate"] == 1.0
    assert officer["rate_applies"] is False  # an officer sees no enterprise without a union
    assert officer["members"] == 2


@pytest.mark.django_db
def test_an_empty_scope_has_no_rate_rather_than_zero(world):
    assert scope_overview(world.users["no_role"])["establishment_rate"] is None


@pytest.mark.django_db
def test_subtree_counts_add_up_each_branch_of_the_tree(world):
    root = world.unions["A"]
    branch = world.deepest["A"].parent
    EnterpriseFactory(union=world.deepest["A"], headcount=10)
    EnterpriseFactory(union=branch, headcount=20)
    EnterpriseFactory(union=root, headcount=40)
    EnterpriseFactory(union=world.unions["C"], headcount=1000)
    enrol(world.deepest["A"])
    enrol(branch)
    member_leave(actor=None, member=enrol(root), on=datetime.date(2026, 4, 1), reason="离职")

    counts = subtree_counts([root, world.unions["C"], world.unions["B"]])
    assert counts[root.pk] == {
        "children": 1,
        "units": 2,
        "enterprises": 3,
        "employees": 70,
        "members": 2,  # the one who left is not counted
    }
    assert counts[world.unions["C"].pk]["employees"] == 1000
    assert counts[world.unions["B"].pk] == {
        "children": 1,
        "units": 2,
        "enterprises": 0,
        "employees": 0,
        "members": 0,
    }
    assert subtree_counts([branch])[branch.pk] == {
        "children": 1,
        "units": 1,
        "enterprises": 2,
        "employees": 30,
        "members": 2,
    }
