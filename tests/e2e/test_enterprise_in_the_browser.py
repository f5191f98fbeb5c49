"""A grassroots officer adds an enterprise in a real Chromium, and mistypes the credit code."""

import pytest

from unions.models import Enterprise

from ..factories import credit_code
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_officer_fixes_a_mistyped_credit_code_and_saves(page, world):
    log_in(page, "officer_a")
    page.click("#sidebar a:has-text('工会组织体系')")
    page.click("main a:has-text('单元A工会委员会')")
    page.click("main a:has-text('新增企业')")

    good = credit_code()
    mistyped = good[:10] + ("7" if good[10] != "7" else "8") + good[11:]
    page.fill("#id_name", "大连浏览器测试纺织有限公司")
    page.fill("#id_credit_code", mistyped)
    page.fill("#id_unionized_on", "2024-05-06")
    page.select_option("#id_ownership", "private")
    page.select_option("#id_sector", "textile")
    page.fill("#id_headcount", "88")
    page.fill("#id_migrant_headcount", "20")
    page.click("button:has-text('保存')")

    error = page.locator("#error_1_id_credit_code")
    assert error.inner_text().strip() == "校验码不符：18 位中有字符输入错误，请核对。"
    assert page.locator("#id_credit_code").get_attribute("class").count("is-invalid") == 1
    assert page.input_value("#id_name") == "大连浏览器测试纺织有限公司"  # nothing typed is lost
    assert not Enterprise.objects.exists()

    page.fill("#id_credit_code", good)
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已新增：大连浏览器测试纺织有限公司。")
    enterprise = Enterprise.objects.get()
    assert enterprise.credit_code == good
    assert enterprise.union == world.unions["A"]
    assert page.url.endswith(enterprise.get_absolute_url())


def test_the_tree_opens_a_union_in_place(page, world):
    log_in(page, "staff_lt")
    page.goto(f"{page.base_url}/unions/")
    branch_row = page.locator("tr", has_text="单元A一车间分会")
    assert branch_row.count() == 0
    page.click(f"#union-{world.unions['A'].pk} .tree-toggle")
    page.wait_for_selector("text=单元A一车间分会")
    page.click(f"#union-{world.deepest['A'].parent_id} .tree-toggle")
    page.wait_for_selector("text=单元A第一小组")
    page.click(f"#union-{world.unions['A'].pk} .tree-toggle")  # fold it again
    assert not page.locator("tr", has_text="单元A第一小组").is_visible()
