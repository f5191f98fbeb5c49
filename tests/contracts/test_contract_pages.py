import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contracts.models import CollectiveContract

from ..factories import EnterpriseFactory

CREATE = reverse("contracts:create")


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


def data(world, enterprise, **overrides):
    today = timezone.localdate()
    return {
        "union": world.unions["A"].pk,
        "kind": "wage",
        "title": "2026 年度工资专项集体合同",
        "employer_party": "大连测试纺织有限公司",
        "enterprises": [enterprise.pk],
        "negotiated": "on",
        "negotiation_rounds": "3",
        "signed_on": (today - datetime.timedelta(days=10)).isoformat(),
        "effective_from": (today - datetime.timedelta(days=5)).isoformat(),
        "effective_to": (today + datetime.timedelta(days=360)).isoformat(),
        "workers_covered": "100",
        "wage_increase_pct": "5.5",
        **overrides,
    }


@pytest.mark.django_db
def test_a_contract_that_ends_before_it_starts_is_refused_then_saved_and_counted(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    EnterpriseFactory(union=world.unions["A"])  # a second, uncovered enterprise
    assert officer.get(reverse("contracts:list")).context["coverage"].covered == 0

    bad = data(world, enterprise, effective_to="2020-01-01")
    response = officer.post(CREATE, bad)
    assert response.context["form"].errors["effective_to"] == ["合同终止日期不能早于生效日期。"]
    assert not CollectiveContract.objects.exists()

    response = officer.post(CREATE, data(world, enterprise))
    assert response.status_code == 302
    coverage = officer.get(reverse("contracts:list")).context["coverage"]
    assert (coverage.covered, coverage.unionized) == (1, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"), [("wage_increase_pct", "120"), ("wage_increase_pct", "-100.5")]
)
def test_a_wage_increase_outside_minus_100_to_100_percent_is_refused(officer, world, field, value):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    response = officer.post(CREATE, data(world, enterprise, **{field: value}))
    assert field in response.context["form"].errors


@pytest.mark.django_db
def test_a_contract_cannot_cover_an_enterprise_outside_the_scope(officer, world):
    outside = EnterpriseFactory(union=world.unions["B"])
    response = officer.post(CREATE, data(world, outside))
    assert "enterprises" in response.context["form"].errors
    assert not CollectiveContract.objects.exists()


@pytest.mark.django_db
def test_effective_before_signed_is_refused(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    response = officer.post(
        CREATE, data(world, enterprise, signed_on=timezone.localdate().isoformat())
    )
    assert response.context["form"].errors["effective_from"] == ["合同生效日期不能早于签订日期。"]
