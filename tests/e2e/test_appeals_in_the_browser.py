"""A worker files an appeal on a phone, forgetting their name at first; the industry union
passes it to the worker's union, whose officer accepts and answers it; the worker, on the
phone again, finds the answer with the tracking number and code, and rates it."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from assistance.models import Appeal

from ..assistance.builders import appeal_class
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def test_a_worker_files_an_appeal_on_a_phone_and_reads_the_answer(browser, live_server, world):
    cache.clear()  # (the public pages' limits count in the cache)
    appeal_class()  # (the data migration's row, which a transactional test flushed)
    phone = browser.new_context(locale="zh-CN", viewport=PHONE).new_page()
    phone.goto(f"{live_server.url}/appeal/")
    phone.check(f"#id_industry_union_{0}")  # the first industry union: light-textile
    phone.select_option("#id_category", "wages")
    phone.fill("#id_subject", "拖欠三个月工资")
    phone.fill("#id_content", "九月至十一月的工资一直未发。")
    phone.click("button:has-text('提交诉求')")
    expect(phone.locator("#error_1_id_name")).to_contain_text("请填写姓名，或选择匿名反映。")
    assert not Appeal.objects.exists()
    assert phone.input_value("#id_subject") == "拖欠三个月工资"  # nothing typed is lost
    phone.fill("#id_name", "李职工")
    phone.click("button:has-text('提交诉求')")
    number = phone.inner_text("#tracking-number")
    code = phone.inner_text("#tracking-code")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    desk = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900}).new_page()
    desk.base_url = live_server.url
    log_in(desk, "staff_lt")
    desk.goto(f"{live_server.url}/assistance/appeals/")
    desk.click(f"a:has-text('{number}')")
    desk.fill("#id_union", "单元A工会")
    # (the found union, beside 无: ticked once the search has answered, not before)
    expect(desk.locator("#id_union-choices input")).to_have_count(2)
    desk.check(f"#id_union-{world.unions['A'].pk}")
    expect(desk.locator(f"#id_union-{world.unions['A'].pk}")).to_be_checked()
    desk.click("#appeal-route button:has-text('转交')")
    expect(desk.locator(".alert-success")).to_contain_text("已转交单元A工会委员会")

    desk.context.clear_cookies()
    log_in(desk, "officer_a")
    desk.goto(f"{live_server.url}/assistance/appeals/")
    desk.click(f"a:has-text('{number}')")
    desk.check("#appeal-move input[value='accepted']")
    desk.click("#appeal-move button:has-text('保存')")
    expect(desk.locator("#appeal-state")).to_have_text("已受理")
    desk.check("#appeal-move input[value='answered']")
    desk.fill("#id_answer", "工会已与企业协商，企业承诺本月底前补发。")
    desk.click("#appeal-move button:has-text('保存')")
    expect(desk.locator("#appeal-state")).to_have_text("已答复")

    phone.goto(f"{live_server.url}/appeal/track/")
    phone.fill("#id_tracking_number", number)
    phone.fill("#id_code", "WRONG234")
    phone.click("button:has-text('查询')")
    expect(phone.locator("#appeal-not-found")).to_be_visible()
    phone.fill("#id_code", code.lower())  # as typed on a phone
    phone.click("button:has-text('查询')")
    expect(phone.locator("#appeal-answer")).to_have_text("工会已与企业协商，企业承诺本月底前补发。")
    expect(phone.locator("#appeal-steps")).to_contain_text("转交单元A工会委员会")
    phone.check("input[name='satisfaction'][value='satisfied']")
    phone.click("button:has-text('提交评价')")
    expect(phone.locator("#appeal-status")).to_contain_text("您对答复的评价：满意。谢谢！")
    expect(phone.locator("#appeal-state")).to_have_text("已办结")
    assert Appeal.objects.get().satisfaction == "satisfied"
