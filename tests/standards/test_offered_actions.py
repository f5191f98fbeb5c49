"""A button the portal would refuse is not offered; the to-do list holds what the user can act
on; an assessment sent back keeps its scorecard's last standing, marked as being revised."""

from decimal import Decimal

import pytest
from django.urls import reverse

from standards.models import Period, Scorecard
from standards.services import (
    assessment_decide,
    assessment_start,
    inspection_save,
    self_inspection_save,
)

from .schemes import period_2026, small_scheme


@pytest.fixture
def period(db):
    return period_2026(small_scheme())


def inspected(world, period, inspector="cadre_a", points="10"):
    """Union A's assessment, self-inspected and inspected (every indicator at `points`)."""
    assessment = assessment_start(
        actor=world.users["officer_a"], period=period, union=world.unions["A"]
    )
    scores = list(assessment.scores.all())
    assessment = self_inspection_save(
        actor=world.users["officer_a"],
        assessment=assessment,
        entries={s.pk: (Decimal(points), "台账", None) for s in scores},
        submit=True,
    )
    return inspection_save(
        actor=world.users[inspector],
        assessment=assessment,
        entries={s.pk: (Decimal(points), "查阅台账") for s in scores},
    )


def offers_the_start(client, user) -> bool:
    client.force_login(user)
    page = client.get(reverse("standards:assessment_list")).content.decode()
    return reverse("standards:assessment_start") in page


@pytest.mark.django_db
def test_begin_a_self_inspection_is_offered_only_while_one_can_begin(client, world, period):
    officer = world.users["officer_a"]
    assert offers_the_start(client, officer)
    assessment_start(actor=officer, period=period, union=world.unions["A"])
    assert not offers_the_start(client, officer)  # A has this period's; no other period
    Period.objects.create(
        name="2027年度", scheme=period.scheme, starts_on="2027-01-01", ends_on="2027-12-31"
    )
    assert offers_the_start(client, officer)


@pytest.mark.django_db
def test_who_inspected_is_not_offered_the_approval_and_another_is(client, world, period):
    assessment = inspected(world, period, inspector="staff_lt")
    client.force_login(world.users["staff_lt"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert reverse("standards:decision", args=[assessment.pk]) not in page
    assert "另一位" in page  # says who approves instead
    client.force_login(world.users["superuser"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert reverse("standards:decision", args=[assessment.pk]) in page


@pytest.mark.django_db
def test_the_to_do_list_holds_only_what_the_user_can_act_on(client, world, period):
    inspected(world, period)  # A's inspection awaits approval
    approval = "待审定的考核"
    client.force_login(world.users["officer_a"])  # sees A's assessment, cannot approve it
    to_do = [item.key for item, _n in client.get(reverse("home")).context["to_do"]]
    assert "standards.inspected" not in to_do
    client.force_login(world.users["cadre_a"])  # inspects, does not approve
    page = client.get(reverse("home"))
    assert "standards.inspected" not in [item.key for item, _n in page.context["to_do"]]
    assert approval not in page.content.decode()


@pytest.mark.django_db
def test_an_inspection_sent_back_keeps_its_scorecard_marked_as_being_revised(
    client, world, period, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # (the rescoring after each)
        assessment = inspected(world, period)
    before = Scorecard.objects.get(union=world.unions["A"], period=period)
    assert not before.revising and before.total > 0
    with django_capture_on_commit_callbacks(execute=True):
        assessment_decide(
            actor=world.users["staff_lt"], assessment=assessment, approve=False, comment="证据不全"
        )
    after = Scorecard.objects.get(union=world.unions["A"], period=period)
    assert (after.total, after.grade, after.revising) == (before.total, before.grade, True)
    client.force_login(world.users["staff_lt"])
    ranking = client.get(reverse("standards:ranking")).content.decode()
    assert "修订中" in ranking
