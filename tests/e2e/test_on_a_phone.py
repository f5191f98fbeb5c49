"""On a phone (390 px): the filters fold behind 筛选, the portal's name stays whole in the
header, and a wide table says it scrolls."""

import pytest

from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_member_list_on_a_phone(page, world):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "officer_a")
    page.goto(f"{page.base_url}/unions/members/")
    search = page.locator("#id_q")
    assert not search.is_visible()  # folded
    page.click("button.filter-toggle:has-text('筛选')")
    search.wait_for(state="visible")
    assert page.locator(".scroll-hint").is_visible()
    title = page.locator(".topbar-title")
    assert title.evaluate("el => el.scrollWidth <= el.clientWidth"), title.inner_text()

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{page.base_url}/unions/members/")
    assert page.locator("#id_q").is_visible()  # a laptop shows the filters open
    assert not page.locator("button.filter-toggle").is_visible()
    assert not page.locator(".scroll-hint").is_visible()
