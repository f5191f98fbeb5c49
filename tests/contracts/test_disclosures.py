"""Affairs disclosure (厂务公开): per enterprise of the union, with workers' feedback."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contracts.models import Disclosure

from ..factories import EnterpriseFactory

CREATE = reverse("contracts:disclosure_create")


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


def disclosure_data(world, enterprise, **overrides):
    return {
        "union": world.unions["A"].pk,
        "enterprise": enterprise.pk,
        "topic": "social_insurance",
        "title": "2026 年社会保险缴费基数公开",
        "disclosed_on": "2026-04-10",
        "channel": "board",
        "content": "按上年平均工资核定缴费基数。",
        "feedback": "职工询问补缴办法，已答复。",
        **overrides,
    }


@pytest.mark.django_db
def test_a_disclosure_is_recorded_and_listed_by_topic(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    response = officer.post(CREATE, disclosure_data(world, enterprise))
    assert response.status_code == 302
    disclosure = Disclosure.objects.get()
    assert disclosure.history.get().history_user == world.users["officer_a"]

    listed = officer.get(reverse("contracts:disclosure_list"), {"topic": "social_insurance"})
    assert [row.record for row in listed.context["table"].page.object_list] == [disclosure]
    listed = officer.get(reverse("contracts:disclosure_list"), {"topic": "wages"})
    assert list(listed.context["table"].page.object_list) == []
    page = officer.get(disclosure.get_absolute_url()).content.decode()
    assert "职工询问补缴办法，已答复。" in page


@pytest.mark.django_db
def test_an_enterprise_outside_the_officers_scope_cannot_even_be_chosen(officer, world):
    other = EnterpriseFactory(union=world.unions["C"], name="别家企业")
    response = officer.post(CREATE, disclosure_data(world, other))
    assert response.context["form"].errors["enterprise"] == [
        "选择一个有效的选项： 该选择不在可用的选项中。"
    ]
    assert not Disclosure.objects.exists()


@pytest.mark.django_db
def test_a_disclosure_dated_in_the_future_is_refused(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = officer.post(CREATE, disclosure_data(world, enterprise, disclosed_on=tomorrow))
    assert response.context["form"].errors["disclosed_on"] == [
        f"该日期晚于今天（今天是 {timezone.localdate().isoformat()}）。"
    ]
    assert not Disclosure.objects.exists()


@pytest.mark.django_db
def test_staff_cannot_file_one_unions_disclosure_under_another(client, world):
    # Industry staff may change both A and C, but an enterprise of C is not A's to disclose.
    client.force_login(world.users["staff_lt"])
    other = EnterpriseFactory(union=world.unions["C"], name="别家企业")
    response = client.post(CREATE, disclosure_data(world, other))
    assert response.context["form"].errors["enterprise"] == ["别家企业不属于该工会。"]
    assert not Disclosure.objects.exists()
