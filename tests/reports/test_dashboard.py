"""The industry dashboard: every figure computed by hand from records built here, and the
number agreeing with the list it links to."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contracts.models import CollectiveContract, NegotiationOffer
from standards.models import Assessment
from unions.models import JoinApplication

from ..factories import EnterpriseFactory, enrol, id_number
from ..scoping import congress_of, contract_of, offer_of
from ..standards.schemes import period_2026, plan_with_t1_and_t2, small_scheme


def listed(client, url) -> int:
    return client.get(url).context["table"].page.paginator.count


@pytest.mark.django_db
def test_the_cards_and_the_attention_list_agree_with_the_records_and_their_lists(client, world):
    today = timezone.localdate()
    plan_with_t1_and_t2(today - datetime.timedelta(days=60), today + datetime.timedelta(days=60))
    # T1: three recruits in the plan period in A and C (staff_lt's area), one in B, one before.
    for label, days_ago in (("A", 5), ("C", 20), ("C", 30), ("B", 10), ("A", 90)):
        enrol(world.unions[label], joined_on=today - datetime.timedelta(days=days_ago))
    # T2: one enterprise covered by a contract in force.
    contract_of(world.unions["A"])  # its enterprise, covered until 2027-12-31
    EnterpriseFactory(union=world.unions["A"])
    EnterpriseFactory(union=world.unions["C"])
    EnterpriseFactory(union=world.unions["B"])
    # Attention: one contract ending in 30 days, two offers unanswered (one in B), one pending
    # application, one self-inspection waiting.
    ending = contract_of(world.unions["C"])
    CollectiveContract.objects.filter(pk=ending.pk).update(
        effective_to=today + datetime.timedelta(days=30), negotiated=False
    )
    for label in ("A", "B"):
        NegotiationOffer.objects.filter(pk=offer_of(world.unions[label]).pk).update(
            sent_on=today - datetime.timedelta(days=40)
        )
    congress_of(world.unions["A"])  # established 2020, never met: overdue
    JoinApplication.objects.create(
        union=world.unions["A"], name="申请人", id_number=id_number(), phone="13800000000"
    )
    Assessment.objects.create(
        period=period_2026(small_scheme()), union=world.unions["A"], status="submitted"
    )

    client.force_login(world.users["staff_lt"])
    dashboard = client.get(reverse("reports:dashboard")).context["dashboard"]
    cards = {state.target.code: state for state in dashboard.targets}
    assert cards["T1"].current == 3
    # Light-textile's share of T1 = 10: its 180 of the system's 240 migrant workers (below).
    assert cards["T1"].goal == 7.5 and cards["T1"].is_area_share
    # Unionized enterprises of A and C: the two made above, and one each with the contracts,
    # the offer and the congress below (builders make their own) = 6; one covered.
    assert cards["T2"].current == round(100 * 1 / 6, 2)
    page = client.get(reverse("reports:dashboard")).content.decode()
    assert "16.7%" in page.split('id="card-T2"')[1].split("</a>")[0]

    counts = {item.key: count for item, count, _url in dashboard.attention}
    expected = {
        # T1 = 10 shared by the migrant workers of the whole system: A's enterprises (the two
        # above and those of the contract, offer and congress builders: 4 × 30 migrants), C's
        # (2 × 30) and B's (2 × 30): A's share 10 × 120/240 = 5, C's 2.5. A day past half the
        # plan's 121 days (61/121), A owes 2.52 → 2 whole people and has 1: behind; C owes
        # 1.26 → 1 and has 2: not behind.
        "standards.behind_on_recruitment": 1,
        "unions.applications": 1,
        # T2: six unionized enterprises, one covered.
        "contracts.uncovered": 5,
        "contracts.expiring": 1,
        "contracts.offers_unanswered": 1,
        "contracts.congresses_overdue": 1,
        "standards.submitted": 1,
        "standards.inspected": 0,
    }
    # (other apps add theirs: the monthly report's outstanding reports, say)
    assert {key: counts[key] for key in expected} == expected
    # Each number is the count of the list it links to.
    for item, count, url in dashboard.attention:
        if item.key == "unions.applications":
            continue  # (a plain list page; checked below)
        response = client.get(url)
        if item.key in expected or "table" in response.context:
            assert response.context["table"].page.paginator.count == count, item.key
    applications = client.get(reverse("unions:application_list"))
    assert len(applications.context["object_list"]) == counts["unions.applications"]
    behind = client.get(reverse("standards:recruitment") + "?behind=true").context["table"]
    assert [row.record for row in behind.page.object_list] == [world.unions["A"]]

    # T1 by month: the three recruits of the plan period, in the months they joined, with
    # the running total; the pace ends at the part of the target due by today.
    months = dashboard.recruits_by_month
    assert sum(row["recruits"] for row in months) == 3 and months[-1]["cumulative"] == 3
    by_month = {}
    for days_ago in (5, 20, 30):
        month = (today - datetime.timedelta(days=days_ago)).strftime("%Y-%m")
        by_month[month] = by_month.get(month, 0) + 1
    assert {row["month"]: row["recruits"] for row in months if row["recruits"]} == by_month
    # (the pace of the area's share: A and C hold 180 of the system's 240 migrant workers)
    assert months[-1]["pace"] == round(10 * 180 / 240 * 61 / 121, 1)


@pytest.mark.django_db
def test_an_officer_sees_their_latest_scorecard_and_their_self_inspection(client, world):
    from standards.models import Scorecard

    period = period_2026(small_scheme())
    Scorecard.objects.create(
        period=period,
        union=world.unions["A"],
        total=86,
        grade="AA",
        trusted_home=True,
        computed_at=timezone.now(),
    )
    Scorecard.objects.create(
        period=period,
        union=world.unions["C"],
        total=95,
        grade="AAA",
        trusted_home=True,
        computed_at=timezone.now(),
    )
    Assessment.objects.create(
        period=period, union=world.unions["A"], status="draft", comment="请补充经费凭证"
    )
    client.force_login(world.users["officer_a"])
    home = client.get(reverse("home"))
    assert home.context["scorecard"].union == world.unions["A"]
    page = home.content.decode()
    card = page.split('id="own-scorecard"')[1].split('id="own-assessment"')[0]
    assert "86" in card and "AA" in card and "95" not in card
    assert "请补充经费凭证" in page.split('id="own-assessment"')[1]

    client.force_login(world.users["staff_lt"])  # their home page is the industry dashboard
    home = client.get(reverse("home")).context
    assert "own_union" not in home and "dashboard" in home


@pytest.mark.django_db
def test_the_officers_to_do_list_counts_what_waits_in_their_union(client, world):
    for label in ("A", "A", "C"):
        JoinApplication.objects.create(
            union=world.unions[label], name="申请人", id_number=id_number(), phone="13800000000"
        )
    client.force_login(world.users["officer_a"])
    home = client.get(reverse("home"))
    to_do = {item.key: count for item, count in home.context["to_do"]}
    to_do.pop("reports.monthly_outstanding", None)  # (the monthly report's, tested with it)
    assert to_do == {"unions.applications": 2}  # union C's application is not theirs
    assert "待处理的网上入会申请" in home.content.decode().split('id="to-do"')[1]
