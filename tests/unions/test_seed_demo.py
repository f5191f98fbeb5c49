import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from cohesion_portal.access import EVERYTHING, Reader
from unions.credit_codes import validate_credit_code
from unions.demo import SCALES, DemoBuilder
from unions.id_numbers import parse_id_number
from unions.metrics import new_generation_recruits, recruits_by_month
from unions.models import Enterprise, Member, Transfer, Union

from ..factories import industry

ALL = Reader(EVERYTHING)  # (read by no person: every union)

TODAY = datetime.date(2026, 11, 20)


def snapshot():
    return (
        list(
            Member.objects.order_by("id_number").values_list(
                "id_number", "name", "union__name", "joined_on", "status"
            )
        ),
        list(Union.objects.order_by("path").values_list("name", "kind", "chair")),
        list(
            Enterprise.objects.order_by("credit_code").values_list(
                "credit_code", "name", "union__name"
            )
        ),
    )


@pytest.fixture
def industries(db):
    return industry("light-textile"), industry("agri-water")


@pytest.mark.django_db
def test_the_same_seed_builds_the_same_data(industries):
    with transaction.atomic():
        DemoBuilder(scale=SCALES["S"], seed=7, today=TODAY).build()
        first = snapshot()
        transaction.set_rollback(True)
    DemoBuilder(scale=SCALES["S"], seed=7, today=TODAY).build()
    assert snapshot() == first


@pytest.mark.django_db
def test_the_small_scale_has_the_size_the_issue_asks_for(industries):
    DemoBuilder(scale=SCALES["S"], seed=1, today=TODAY).build()
    assert Union.objects.grassroots().count() == 60
    assert Enterprise.objects.count() == 150
    assert (
        Union.objects.filter(kind="branch").exists() and Union.objects.filter(kind="group").exists()
    )
    for code in Enterprise.objects.values_list("credit_code", flat=True):
        validate_credit_code(code)
    for union in Union.objects.exclude(parent=None).select_related("parent")[:50]:
        assert union.path == f"{union.parent.path}{union.pk:08d}/"
    assert 5_900 <= Member.objects.count() <= 6_100
    for member in Member.objects.select_related("enterprise", "union")[:300]:
        parsed = parse_id_number(member.id_number)
        assert (parsed.birth_date, parsed.is_male) == (member.birth_date, member.gender == "male")
        assert member.enterprise.union.grassroots_id == member.union.grassroots_id
        assert member.joined_on <= TODAY
    assert Transfer.objects.filter(status="pending").count() == 5
    this_year = new_generation_recruits(start=datetime.date(2026, 1, 1), end=TODAY, user=ALL)
    assert len(recruits_by_month(this_year)) == 11  # recruitment in every month so far


@pytest.mark.django_db
def test_each_demo_account_sees_its_own_part(industries):
    DemoBuilder(scale=SCALES["S"], seed=2011, today=TODAY).build()
    users = {u.username: u for u in get_user_model().objects.all()}
    grassroots = {
        name: set(Union.objects.for_user(user).grassroots().values_list("pk", flat=True))
        for name, user in users.items()
    }
    light, agri = industries
    assert len(grassroots["admin"]) == len(grassroots["leader"]) == 60
    assert grassroots["qf_staff"] == set(
        Union.objects.grassroots().filter(industry_union=light).values_list("pk", flat=True)
    )
    assert grassroots["nl_staff"] == set(
        Union.objects.grassroots().filter(industry_union=agri).values_list("pk", flat=True)
    )
    assert len(grassroots["qf_cadre"]) == 6 and grassroots["qf_cadre"] <= grassroots["qf_staff"]
    from contracts.metrics import coverage, expiring

    assert 0.85 <= coverage(TODAY, user=ALL).rate <= 0.95  # as issue 5 asks of the demo
    assert expiring(TODAY, user=ALL).exists()
    officer_root = users["officer"].role.union
    assert grassroots["officer"] == {officer_root.pk}
    assert set(Union.objects.for_user(users["officer"])) == set(
        Union.objects.subtree_of(officer_root)
    )


@pytest.mark.django_db
def test_the_command_builds_once_and_then_leaves_the_data_alone(industries, capsys):
    call_command("seed_demo")
    count = Union.objects.count()
    call_command("seed_demo")
    assert Union.objects.count() == count
    assert "already present" in capsys.readouterr().out
