"""Names people type reach the dashboard's charts as text, never as markup, and the pages run
under a Content-Security-Policy that refuses inline script (issue 14)."""

import pytest
from django.utils import timezone

from standards.models import Scorecard

from ..standards.schemes import period_2026, small_scheme
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# A script that leaves a mark where it runs: the page's title and a flag on the window.
HOSTILE = "<img src=x onerror=\"document.title='XSS';window.xssRan=true\">"


def scorecard(period, union, total, grade):
    return Scorecard.objects.create(
        period=period,
        union=union,
        total=total,
        grade=grade,
        trusted_home=False,
        computed_at=timezone.now(),
    )


def tooltip_of(chart, text):
    """ECharts' tooltip: the box it adds beside the drawing, in the chart's element."""
    tooltip = chart.locator(":scope > div", has_text=text).last
    tooltip.wait_for()
    return tooltip


def test_names_with_markup_show_as_text_in_the_dashboards_tooltips(page, world):
    period = period_2026(small_scheme())
    period.name = f"2026年度{HOSTILE}"  # the grades chart's axis and its tooltip show it
    period.save()
    scorecard(period, world.unions["A"], 92, "AAA")

    # Industry staff rename union A through the portal's own form.
    log_in(page, "staff_lt")
    page.goto(f"{page.base_url}/unions/{world.unions['A'].pk}/edit/")
    hostile_name = f"单元A{HOSTILE}"
    page.fill("#id_name", hostile_name)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{page.base_url}/unions/{world.unions['A'].pk}/")
    world.unions["A"].refresh_from_db()
    assert world.unions["A"].name == hostile_name

    # Leadership opens the dashboard and hovers over the union's tile (the only one: it fills
    # the map).
    page.context.clear_cookies()
    log_in(page, "leader_all")
    page.goto(f"{page.base_url}/reports/dashboard/")
    title = page.title()
    treemap = page.locator("#chart-treemap")
    treemap.locator("svg").wait_for()
    treemap.hover()
    tooltip = tooltip_of(treemap, "92")
    page.wait_for_timeout(500)  # time for an image to fail and its handler to run

    assert page.evaluate("window.xssRan") is None
    assert page.title() == title
    assert hostile_name in tooltip.inner_text()
    assert treemap.locator("img").count() == 0

    grades = page.locator("#chart-grades")
    grades.hover()
    tooltip = tooltip_of(grades, "AAA")
    page.wait_for_timeout(500)
    assert page.evaluate("window.xssRan") is None
    assert period.name in tooltip.inner_text()
    assert grades.locator("img").count() == 0
