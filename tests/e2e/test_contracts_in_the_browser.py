"""An officer enters a wage-specific contract with a wrong date, corrects it, and sees the
union's coverage change; staff find a union for the list's filter by typing its name."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from contracts.models import CollectiveContract

from ..factories import EnterpriseFactory
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_wage_contract_with_a_wrong_date_is_corrected_and_counted(page, world):
    enterprise = EnterpriseFactory(union=world.unions["A"], name="大连覆盖测试纺织有限公司")
    EnterpriseFactory(union=world.unions["A"], name="大连未覆盖测试纺织有限公司")
    today = timezone.localdate()
    log_in(page, "officer_a")
    page.click("#sidebar a:has-text('集体合同')")
    assert page.inner_text("#coverage-rate") == "0.0%"

    page.click("main a:has-text('新增集体合同')")
    page.select_option("#id_union", str(world.unions["A"].pk))
    page.select_option("#id_kind", "wage")
    page.fill("#id_title", "2026 年度工资专项集体合同")
    page.fill("#id_employer_party", enterprise.name)
    # The covered enterprise is found by typing, among the chosen union's.
    page.fill("#id_enterprises", "大连覆盖")
    expect(page.locator("#id_enterprises-choices input")).to_have_count(1)
    page.check(f"#id_enterprises-{enterprise.pk}")
    page.fill("#id_signed_on", (today - datetime.timedelta(days=10)).isoformat())
    page.fill("#id_effective_from", (today - datetime.timedelta(days=5)).isoformat())
    page.fill(
        "#id_effective_to", (today - datetime.timedelta(days=6)).isoformat()
    )  # before it starts
    page.click("button:has-text('保存')")
    assert "合同终止日期不能早于生效日期。" in page.inner_text("#error_1_id_effective_to")
    assert not CollectiveContract.objects.exists()
    assert page.is_checked(f"#id_enterprises-{enterprise.pk}")  # still chosen, by name
    assert "大连覆盖测试纺织有限公司" in page.inner_text("#id_enterprises-choices")

    page.fill("#id_effective_to", (today + datetime.timedelta(days=365)).isoformat())
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已新增：2026 年度工资专项集体合同。")
    page.click("#sidebar a:has-text('集体合同')")
    assert page.inner_text("#coverage-rate") == "50.0%"


def test_staff_filter_a_list_by_a_union_found_by_typing(page, world):
    for label in ("A", "C"):
        EnterpriseFactory(union=world.unions[label], name=f"大连{label}筛选测试纺织有限公司")
    log_in(page, "staff_lt")
    page.goto(f"{page.base_url}/unions/enterprises/")
    page.fill("#id_union", "单元C")
    # 全部, then the union and its branch and group
    expect(page.locator("#id_union-choices input")).to_have_count(4)
    page.locator("#id_union-choices label", has_text="单元C工会委员会").first.click()
    expect(page).to_have_url(re.compile(rf"union={world.unions['C'].pk}\b"))
    expect(page.locator("table")).not_to_contain_text("大连A筛选测试")
    expect(page.locator("table")).to_contain_text("大连C筛选测试")
