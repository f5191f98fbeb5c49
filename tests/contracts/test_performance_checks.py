"""Yearly performance checks (履行检查) of contracts in force."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from contracts.models import CollectiveContract, PerformanceCheck

from ..scoping import contract_of


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


def check_data(**overrides):
    return {
        "year": "2026",
        "checked_on": "2026-06-30",
        "clauses_kept": "mostly",
        "issues": "加班工资未按约定标准支付",
        "follow_up": "企业承诺三个月内补发",
        **overrides,
    }


@pytest.mark.django_db
def test_a_check_is_recorded_once_a_year_and_shown_on_the_contract(officer, world):
    contract = contract_of(world.unions["A"])  # in force 2026-01-01 to 2027-12-31
    url = reverse("contracts:check_create", args=[contract.pk])
    response = officer.post(url, check_data())
    assert response.status_code == 302
    check = PerformanceCheck.objects.get()
    assert (check.contract, check.year, check.clauses_kept) == (contract, 2026, "mostly")
    page = officer.get(contract.get_absolute_url()).content.decode()
    assert "加班工资未按约定标准支付" in page

    response = officer.post(url, check_data(checked_on="2026-07-01"))
    assert response.context["form"].errors["year"] == ["该合同 2026 年已有履行检查。"]
    assert PerformanceCheck.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"year": "2024"}, "year", "该合同 2024 年不在有效期内。"),
        ({"checked_on": "2025-12-01"}, "checked_on", "检查日期不能早于所检查的年度（2026 年）。"),
        ({"issues": ""}, "issues", "请说明哪些条款没有履行。"),
        (
            {"follow_up_done_on": "2026-06-01"},
            "follow_up_done_on",
            "整改完成日期不能早于检查日期。",
        ),
    ],
)
def test_a_wrong_check_is_refused_next_to_its_field(officer, world, overrides, field, message):
    contract = contract_of(world.unions["A"])
    response = officer.post(
        reverse("contracts:check_create", args=[contract.pk]), check_data(**overrides)
    )
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not PerformanceCheck.objects.exists()


@pytest.mark.django_db
def test_a_check_dated_before_the_contract_took_effect_is_refused(officer, world):
    contract = contract_of(world.unions["A"])  # in force from 2026-01-01
    CollectiveContract.objects.filter(pk=contract.pk).update(
        signed_on="2026-03-01", effective_from="2026-03-01"
    )
    response = officer.post(
        reverse("contracts:check_create", args=[contract.pk]),
        check_data(checked_on="2026-02-01"),
    )
    assert response.context["form"].errors["checked_on"] == [
        "该合同 2026-03-01 起生效，请在此后检查。"
    ]


@pytest.mark.django_db
def test_correcting_a_check_keeps_its_history(officer, world):
    contract = contract_of(world.unions["A"])
    officer.post(reverse("contracts:check_create", args=[contract.pk]), check_data())
    check = PerformanceCheck.objects.get()
    response = officer.post(
        reverse("contracts:check_edit", args=[check.pk]),
        check_data(
            clauses_kept="all",
            issues="",
            follow_up_done_on="2026-09-30",
            record_version=check.version,
        ),
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.clauses_kept == "all"
    assert [h.clauses_kept for h in check.history.order_by("history_date")] == ["mostly", "all"]
    assert check.history.latest().history_user == world.users["officer_a"]


@pytest.mark.django_db
def test_the_contract_list_finds_contracts_in_force_not_checked_this_year(officer, world):
    today = timezone.localdate()
    checked, unchecked, ended = (contract_of(world.unions["A"]) for _ in range(3))
    for contract, title, ends in (
        (checked, "已检查的合同", today),
        (unchecked, "未检查的合同", today),
        (ended, "已到期的合同", today - datetime.timedelta(days=1)),
    ):
        CollectiveContract.objects.filter(pk=contract.pk).update(
            title=title,
            signed_on=ends.replace(day=1, month=1),
            effective_from=ends.replace(day=1, month=1),
            effective_to=ends,
        )
    PerformanceCheck.objects.create(
        contract=checked, year=today.year, checked_on=today, clauses_kept="all"
    )
    response = officer.get(reverse("contracts:list"), {"state": "unchecked"})
    assert [row.record.title for row in response.context["table"].page.object_list] == [
        "未检查的合同"
    ]
