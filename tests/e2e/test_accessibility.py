"""axe-core's WCAG 2.1 A and AA rules over every page the screenshot script visits, on a laptop
and on a phone, as a grassroots officer and as industry-union staff, with the demo data: no
violation. (axe-core is test tooling, installed under tests/axe by scripts/setup.sh --dev.)"""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from unions.demo import DEMO_PASSWORD, DemoBuilder, Scale

from ..conftest import skip_unless_available
from ..factories import INDUSTRY_UNIONS, industry
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "tests/axe/node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SMALL = Scale(grassroots_unions=24, enterprises=120, members=600, pending_transfers=2)
VIEWPORTS = {"laptop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def screenshot_pages() -> list[tuple[str, str]]:
    """scripts/screenshots.py's PAGES: the pages looked at after a change are the pages checked."""
    path = Path(settings.BASE_DIR) / "scripts/screenshots.py"
    spec = importlib.util.spec_from_file_location("screenshots", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PAGES


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES
    )
    return [f"{v['id']}: {v['help']} — {v['nodes'][0]['html'][:120]}" for v in found["violations"]]


def test_no_page_breaks_a_wcag_rule_for_an_officer_or_staff_on_a_laptop_or_a_phone(
    browser, live_server
):
    skip_unless_available(
        AXE.exists(),
        "axe-core is not installed: run ./scripts/setup.sh --dev",
        "COHESION_REQUIRE_BROWSER",
    )
    for code in INDUSTRY_UNIONS:  # (a transactional test before this one flushed them)
        industry(code)
    DemoBuilder(scale=SMALL, seed=14, today=timezone.localdate()).build()
    broken = {}
    for device, viewport in VIEWPORTS.items():
        # (axe's script is added to each page: the portal's CSP, rightly, refuses it)
        context = browser.new_context(viewport=viewport, locale="zh-CN", bypass_csp=True)
        page = context.new_page()
        page.base_url = live_server.url
        for username in ("officer", "qf_staff"):
            page.context.clear_cookies()
            log_in(page, username, DEMO_PASSWORD)
            for name, url in screenshot_pages():
                page.goto(f"{live_server.url}{url}")
                found = violations(page)
                if found:
                    broken[f"{name} ({username}, {device})"] = found
        context.close()
    assert not broken, broken
