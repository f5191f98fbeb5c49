import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from unions.models import JoinApplication, Member
from unions.services import union_join_code

from ..factories import EnterpriseFactory, enrol, id_number


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def join_url(world):
    return reverse("join", args=[union_join_code(union=world.unions["A"])])


def application(**overrides):
    return {
        "name": "周明",
        "id_number": id_number(datetime.date(1998, 8, 8)),
        "phone": "13912345678",
        "is_migrant": "on",
        **overrides,
    }


@pytest.mark.django_db
def test_the_join_code_is_made_once(world):
    code = union_join_code(union=world.unions["A"])
    assert union_join_code(union=world.unions["A"]) == code
    assert len(code) >= 12


def without_csrf_tokens(page: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", page)


@pytest.mark.django_db
def test_a_worker_applies_without_logging_in(client, world, join_url):
    enterprise = EnterpriseFactory(union=world.unions["A"], name="大连明珠纺织有限公司")
    response = client.post(join_url, application(enterprise=enterprise.pk))
    assert "您的申请已收到" in response.content.decode()
    saved = JoinApplication.objects.get()
    assert (saved.union, saved.enterprise, saved.is_migrant) == (
        world.unions["A"],
        enterprise,
        True,
    )


@pytest.mark.django_db
def test_a_wrong_id_number_is_shown_on_the_form(client, join_url):
    response = client.post(join_url, application(id_number="21020319900503123"))
    assert "身份证号应为 18 位" in response.content.decode()
    assert not JoinApplication.objects.exists()


@pytest.mark.django_db
def test_the_page_never_tells_that_a_person_is_a_member_elsewhere(client, world, join_url):
    held = enrol(world.unions["B"])
    fresh = client.post(join_url, application()).content.decode()
    cache.clear()
    known = client.post(join_url, application(id_number=held.id_number)).content.decode()
    assert without_csrf_tokens(known) == without_csrf_tokens(fresh)
    assert "单元B" not in known


@pytest.mark.django_db
def test_one_address_may_send_five_applications_an_hour(client, join_url):
    for _ in range(5):
        assert client.post(join_url, application(id_number=id_number())).status_code == 200
    response = client.post(join_url, application(id_number=id_number()))
    assert response.status_code == 429
    assert JoinApplication.objects.count() == 5


@pytest.mark.django_db
def test_the_form_needs_its_csrf_token(join_url):
    assert Client(enforce_csrf_checks=True).post(join_url, application()).status_code == 403


@pytest.mark.django_db
def test_an_unknown_code_is_404(client):
    assert client.get(reverse("join", args=["not-a-code"])).status_code == 404


@pytest.mark.django_db
def test_the_union_approves_and_the_applicant_becomes_a_member(client, world, join_url):
    client.post(join_url, application())
    pending = JoinApplication.objects.get()
    client.force_login(world.users["officer_a"])
    response = client.post(
        pending.get_absolute_url(),
        {"approve": "yes", "unit": world.deepest["A"].pk, "joined_on": "2026-11-20"},
    )
    member = Member.objects.get(name="周明")
    assert response["Location"] == member.get_absolute_url()
    assert (member.union, member.joined_on, member.is_new_generation_migrant) == (
        world.deepest["A"],
        datetime.date(2026, 11, 20),
        True,
    )
    pending.refresh_from_db()
    assert (pending.status, pending.member) == ("approved", member)


@pytest.mark.django_db
def test_approving_a_person_held_by_another_union_tells_the_officer(client, world, join_url):
    held = enrol(world.unions["B"])
    client.post(join_url, application(id_number=held.id_number))
    pending = JoinApplication.objects.get()
    client.force_login(world.users["officer_a"])
    response = client.post(
        pending.get_absolute_url(),
        {"approve": "yes", "unit": world.unions["A"].pk, "joined_on": "2026-11-20"},
    )
    assert "此人已是另一个工会的会员" in str(response.context["form"].errors)
    assert "单元B" not in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "pending"


@pytest.mark.django_db
def test_a_rejection_needs_a_reason(client, world, join_url):
    client.post(join_url, application())
    pending = JoinApplication.objects.get()
    client.force_login(world.users["officer_a"])
    data = {"approve": "no", "unit": world.unions["A"].pk, "joined_on": "2026-11-20"}
    assert client.post(pending.get_absolute_url(), data).context["form"].errors["reason"]
    client.post(pending.get_absolute_url(), {**data, "reason": "非本单位职工"})
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == ("rejected", "非本单位职工")


@pytest.mark.django_db
def test_the_poster_shows_a_qr_code_of_the_join_address(client, world):
    client.force_login(world.users["officer_a"])
    page = client.get(reverse("unions:join_poster", args=[world.unions["A"].pk])).content.decode()
    world.unions["A"].refresh_from_db()
    assert f"/join/{world.unions['A'].join_code}/" in page
    assert "<svg" in page


@pytest.mark.django_db
def test_a_phone_typed_with_spaces_or_full_width_is_accepted(client, join_url):
    client.post(join_url, application(phone="１３９ 1234 5678"))
    assert JoinApplication.objects.get().phone == "13912345678"
