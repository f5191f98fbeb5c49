"""Two people edit the same contract in two browsers: the second save is refused with what the
first changed, and saving again keeps both changes."""

import pytest

from contracts.models import CollectiveContract

from .. import scoping
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_second_save_is_refused_with_the_first_change_and_then_keeps_both(
    browser, live_server, world
):
    contract = scoping.contract_of(world.unions["A"])
    edit = f"{live_server.url}/contracts/{contract.pk}/edit/"
    pages = []
    for username in ("officer_a", "staff_lt"):
        context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = live_server.url
        log_in(page, username)
        page.goto(edit)
        pages.append(page)
    first, second = pages

    first.fill("#id_title", "二〇二六年工资专项集体合同（修订稿）")
    first.click("button:has-text('保存')")
    first.wait_for_url(f"{live_server.url}/contracts/{contract.pk}/")

    second.fill("#id_employer_party", "大连测试纺织有限公司董事会")
    second.click("button:has-text('保存')")
    message = second.locator("#record-changed")
    message.wait_for()
    text = message.inner_text()
    assert "在您打开此表单之后" in text and "名称" in text
    assert "二〇二六年工资专项集体合同（修订稿）" in text
    # The first person's change is in the form; the second's own entry is still there.
    assert second.input_value("#id_title") == "二〇二六年工资专项集体合同（修订稿）"
    assert second.input_value("#id_employer_party") == "大连测试纺织有限公司董事会"

    second.click("button:has-text('保存')")
    second.wait_for_url(f"{live_server.url}/contracts/{contract.pk}/")
    contract = CollectiveContract.objects.get()
    assert contract.title == "二〇二六年工资专项集体合同（修订稿）"
    assert contract.employer_party == "大连测试纺织有限公司董事会"
    for page in pages:
        page.context.close()
