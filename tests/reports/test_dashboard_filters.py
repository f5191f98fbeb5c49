"""The dashboard's filters narrow the user's own area and never widen it; the lists its numbers
link to narrow the same way, so the number and the list agree."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesion_portal.access import EMPTY, Scope, scope_for
from cohesion_portal.area import intersect, narrowed_scope
from contracts.models import NegotiationOffer
from standards.models import Period, Plan, Scorecard
from unions.models import AreaAssignment, RoleKind

from ..factories import enrol, industry, make_user
from ..scoping import offer_of
from ..standards.schemes import period_2026, small_scheme


def assign(cadre, union):
    AreaAssignment.objects.create(cadre=cadre, union=union, starts_on=datetime.date(2024, 1, 1))


@pytest.fixture
def cadres(world):
    """cadre_c: a light-textile cadre for union C; cadre_x: a light-textile cadre whose only
    union is B, of the agri-water union (an odd record, which the narrowing must survive)."""
    lt = industry("light-textile")
    cadre_c = make_user(RoleKind.AREA_CADRE, industry_union=lt, username="cadre_c")
    cadre_x = make_user(RoleKind.AREA_CADRE, industry_union=lt, username="cadre_x")
    assign(cadre_c, world.unions["C"])
    assign(cadre_x, world.unions["B"])
    return {"cadre_c": cadre_c, "cadre_x": cadre_x}


def paths(world, *labels):
    return tuple(sorted(world.unions[label].path for label in labels))


# --- The intersection, by hand ------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_choosing_a_cadre_whose_unions_are_in_the_other_industry_union_see_nothing(
    world, cadres
):
    staff = world.users["staff_lt"]
    assert narrowed_scope(staff, cadre=cadres["cadre_x"].pk) == EMPTY


@pytest.mark.django_db
def test_staff_choosing_their_own_cadre_see_that_cadres_unions_only(world, cadres):
    staff = world.users["staff_lt"]
    assert narrowed_scope(staff, cadre=world.users["cadre_a"].pk) == Scope(
        subtree_paths=paths(world, "A")
    )
    # Their own industry union changes nothing; the other one leaves nothing.
    own = industry("light-textile").pk
    assert narrowed_scope(staff, industry_union=own) == scope_for(staff)
    assert narrowed_scope(staff, industry_union=industry("agri-water").pk) == EMPTY


@pytest.mark.django_db
def test_a_superuser_choosing_an_industry_union_sees_only_it(world):
    aw = industry("agri-water").pk
    assert narrowed_scope(world.users["superuser"], industry_union=aw) == Scope(
        industry_union_ids=frozenset({aw})
    )
    # With a cadre too: that cadre's unions within it.
    lt = industry("light-textile").pk
    both = narrowed_scope(
        world.users["leader_all"], industry_union=lt, cadre=world.users["cadre_a"].pk
    )
    assert both == Scope(subtree_paths=paths(world, "A"))


@pytest.mark.django_db
def test_a_cadre_cannot_choose_another_cadre_to_see_more(world, cadres):
    cadre = world.users["cadre_a"]
    assert narrowed_scope(cadre, cadre=cadres["cadre_c"].pk) == EMPTY
    assert narrowed_scope(cadre, cadre=cadre.pk) == scope_for(cadre)
    # Nor an officer an industry union: theirs leaves them their union, another nothing.
    officer = world.users["officer_a"]
    assert narrowed_scope(officer, industry_union=industry().pk) == scope_for(officer)
    assert narrowed_scope(officer, industry_union=industry("agri-water").pk) == EMPTY


@pytest.mark.django_db
def test_subtrees_intersect_to_the_inner_one_and_an_unknown_cadre_to_nothing(world):
    a, branch = world.unions["A"], world.deepest["A"].parent
    assert intersect(Scope(subtree_paths=(a.path,)), Scope(subtree_paths=(branch.path,))) == (
        Scope(subtree_paths=(branch.path,))
    )
    assert intersect(Scope(subtree_paths=(a.path,)), Scope(subtree_paths=paths(world, "C"))) == (
        EMPTY
    )
    assert narrowed_scope(world.users["superuser"], cadre=999_999) == EMPTY


# --- The dashboard and its links -----------------------------------------------------------------


def t1_plan(value=10):
    today = timezone.localdate()
    plan = Plan.objects.create(
        name="本年度工作要点",
        issued_by="产业工会",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=60),
    )
    plan.targets.create(
        code="T1",
        title="入会",
        metric="unions.new_generation_recruits",
        value=value,
        deadline=plan.ends_on,
        order=1,
    )
    return plan


def recruit(world, *labels):
    today = timezone.localdate()
    for days_ago, label in enumerate(labels, start=3):
        enrol(world.unions[label], joined_on=today - datetime.timedelta(days=days_ago))


def overdue_offers(world, *labels):
    for label in labels:
        NegotiationOffer.objects.filter(pk=offer_of(world.unions[label]).pk).update(
            sent_on=timezone.localdate() - datetime.timedelta(days=40)
        )


def dashboard_of(client, user, query=""):
    client.force_login(user)
    response = client.get(reverse("reports:dashboard") + query)
    assert response.status_code == 200
    return response


def t1(response):
    return next(s for s in response.context["dashboard"].targets if s.target.code == "T1").current


def attention(response):
    return {item.key: (count, url) for item, count, url in response.context["dashboard"].attention}


@pytest.mark.django_db
def test_a_cadre_filter_narrows_every_number_and_every_link(client, world, cadres):
    t1_plan()
    recruit(world, "A", "A", "C", "B")
    overdue_offers(world, "A", "C", "C", "B")
    staff = world.users["staff_lt"]

    whole = dashboard_of(client, staff)
    assert t1(whole) == 3 and attention(whole)["contracts.offers_unanswered"][0] == 3

    cadre = world.users["cadre_a"].pk
    narrowed = dashboard_of(client, staff, f"?cadre={cadre}")
    assert t1(narrowed) == 2
    count, url = attention(narrowed)["contracts.offers_unanswered"]
    assert count == 1 and f"cadre={cadre}" in url
    assert client.get(url).context["table"].page.paginator.count == 1
    page = narrowed.content.decode()
    assert f"cadre={cadre}" in page.split('id="card-T1"')[0].rsplit("<a", 1)[1]  # the card's link
    assert 'id="area-notice"' in client.get(url).content.decode()

    nothing = dashboard_of(client, staff, f"?cadre={cadres['cadre_x'].pk}")
    assert t1(nothing) == 0
    assert all(count == 0 for count, _url in attention(nothing).values())


@pytest.mark.django_db
def test_a_superuser_choosing_an_industry_union_sees_only_its_figures(client, world):
    t1_plan()
    recruit(world, "A", "C", "B")
    overdue_offers(world, "A", "B")
    aw = industry("agri-water").pk
    response = dashboard_of(client, world.users["superuser"], f"?industry_union={aw}")
    assert t1(response) == 1
    count, url = attention(response)["contracts.offers_unanswered"]
    assert count == 1 and client.get(url).context["table"].page.paginator.count == 1
    assert response.context["narrowed_to"] == [str(industry("agri-water"))]


@pytest.mark.django_db
def test_the_filters_offered_depend_on_what_the_user_sees(client, world, cadres):
    fields = {
        persona: set(dashboard_of(client, world.users[persona]).context["filter_form"].fields)
        for persona in ("superuser", "leader_all", "staff_lt", "cadre_a")
    }
    assert fields["superuser"] == fields["leader_all"] == {"industry_union", "cadre", "period"}
    assert fields["staff_lt"] == {"cadre", "period"}  # one industry union is no choice
    assert fields["cadre_a"] == {"period"}
    offered = dashboard_of(client, world.users["staff_lt"]).context["filter_form"]
    assert set(offered.fields["cadre"].queryset) == {
        world.users["cadre_a"],
        cadres["cadre_c"],
        cadres["cadre_x"],
    }
    # A cadre typing another cadre into the address sees their own area, not more.
    response = dashboard_of(client, world.users["cadre_a"], f"?cadre={cadres['cadre_c'].pk}")
    assert response.context["dashboard"].area == {}
    assert "cadre" not in response.context["filter_form"].fields


@pytest.mark.django_db
def test_the_period_filter_chooses_the_grades_the_top_ten_and_the_map(client, world):
    scheme = small_scheme()
    this_year = period_2026(scheme)
    last_year = Period.objects.create(
        name="2025年度",
        scheme=scheme,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    for period, label, total, grade in (
        (this_year, "A", 92, "AAA"),
        (this_year, "C", 75, "AA"),
        (last_year, "A", 65, "A"),
        (last_year, "B", 95, "AAA"),  # (the agri-water union's: not staff_lt's)
    ):
        Scorecard.objects.create(
            period=period,
            union=world.unions[label],
            total=total,
            grade=grade,
            trusted_home=False,
            computed_at=timezone.now(),
        )
    staff = world.users["staff_lt"]
    latest = dashboard_of(client, staff).context["dashboard"]
    assert latest.period == this_year
    assert (latest.grades["aaa"], latest.grades["aa"], latest.grades["a"]) == (1, 1, 0)
    assert [card.union for card in latest.top] == [world.unions["A"], world.unions["C"]]

    response = dashboard_of(client, staff, f"?period={last_year.pk}")
    earlier = response.context["dashboard"]
    assert earlier.period == last_year
    assert (earlier.grades["aaa"], earlier.grades["aa"], earlier.grades["a"]) == (0, 0, 1)
    assert [row["name"] for row in earlier.treemap] == [world.unions["A"].name]
    # The grade counts link to the ranking of that period, which lists as many.
    ranking = response.context["ranking_url"]
    assert f"period={last_year.pk}" in ranking
    listed = client.get(ranking + "&grade=A").context["table"].page.paginator.count
    assert listed == 1
    # The grades by period, oldest first, for the trend chart.
    assert [row["period"] for row in earlier.grade_trend] == ["2025年度", "2026年度"]


@pytest.mark.django_db
def test_a_list_names_only_a_cadre_the_user_could_have_chosen(client, world):
    cadre = world.users["cadre_a"]
    cadre.name = "包片干部甲"
    cadre.save()
    url = f"{reverse('unions:enterprise_list')}?cadre={cadre.pk}"
    client.force_login(world.users["staff_lt"])  # sees the whole light-textile union: may choose
    response = client.get(url)
    assert response.context["area_narrowing"] == ["包片干部甲"]
    assert "包片干部甲" in response.content.decode()
    for persona in ("officer_a", "staff_aw", "cadre_a"):  # may not: the id names nobody
        client.force_login(world.users[persona])
        response = client.get(url)
        assert response.status_code == 200, persona
        assert response.context["area_narrowing"] == ["—"], persona
