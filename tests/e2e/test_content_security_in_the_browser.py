"""Names people type reach the dashboard's charts as text, never as markup, and the pages run
under a Content-Security-Policy that refuses inline script (issue 14)."""

import datetime

import pytest
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule

from standards.models import Period, Scorecard

from ..factories import enrol
from ..scoping import contract_of
from ..standards.schemes import period_2026, plan_with_t1_and_t2, small_scheme
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


# Reports every refusal of the Content-Security-Policy to the test, from before the page's own
# scripts run.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.reportViolation(e.violatedDirective + " refused " + (e.blockedURI || "inline") +
    " at " + e.sourceFile + ":" + e.lineNumber + " " + (e.sample || ""));
});
window.print = function () { window.printed = (window.printed || 0) + 1; };
"""


def watch(page):
    """Everything the browser refused or failed at, from now on: CSP violations, their console
    messages ("Refused to ..."), and script errors."""
    problems = []
    page.expose_function("reportViolation", lambda text: problems.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: problems.append(message.text) if "Refused to" in message.text else None,
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return problems


def visit(page, path):
    response = page.goto(f"{page.base_url}{path}")
    assert response.status == 200, path
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")


def test_the_main_pages_and_the_admin_run_under_the_policy_without_a_violation(page, world):
    today = timezone.localdate()
    plan = plan_with_t1_and_t2(today.replace(month=1, day=1), today.replace(month=12, day=31))
    enrol(world.unions["A"], joined_on=today.replace(day=1))
    contract_of(world.unions["A"])
    scheme = small_scheme()
    earlier = Period.objects.create(
        name="2025年度",
        scheme=scheme,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
    )
    for period in (earlier, period_2026(scheme)):  # (two periods: the grades chart has two bars)
        scorecard(period, world.unions["A"], 92, "AAA")
        scorecard(period, world.unions["C"], 71, "AA")
    crontab = CrontabSchedule.objects.create(minute="30", hour="6")
    problems = watch(page)
    union = world.unions["A"]

    log_in(page, "officer_a")
    for path in (
        "/",  # the workbench: the union's figures against its targets
        "/unions/",
        "/unions/enterprises/",
        "/unions/members/",
        "/unions/members/new/",
        f"/unions/{union.pk}/",
        f"/unions/{union.pk}/edit/",
        "/contracts/",
        "/reports/monthly/",
        "/standards/plans/",
        "/reminders/",
    ):
        visit(page, path)
    # The tree opens a union's units in place (htmx); the list's search updates as one types.
    visit(page, "/unions/")
    page.click(f"#union-{union.pk} .tree-toggle")
    page.locator(f"tr[data-parent='{union.pk}']").first.wait_for()
    visit(page, "/unions/enterprises/")
    with page.expect_response(lambda response: "hx-request" in response.request.headers):
        page.locator("input[type=search]").press_sequentially("A")
    # The month of the report is sent as soon as it is chosen; the poster prints.
    visit(page, "/reports/monthly/fill/")
    page.fill("#month-choice", "2026-01")  # (fill sends the change event)
    page.wait_for_url("**/reports/monthly/fill/?month=2026-01")
    visit(page, f"/unions/{union.pk}/join-poster/")
    page.click("main button[data-print]")
    assert page.evaluate("window.printed") == 1
    page.click("header .dropdown-toggle")  # Bootstrap's menu (Popper places it)
    page.locator("header .dropdown-menu.show").wait_for()

    page.context.clear_cookies()
    log_in(page, "staff_lt")
    visit(page, "/reports/dashboard/")
    for chart, spot in (
        ("#chart-recruits", None),
        ("#chart-grades", None),
        ("#chart-treemap", {"x": 20, "y": 20}),  # (in a tile, off the gap between the two)
    ):
        page.hover(chart, position=spot)  # ECharts' tooltips
        page.locator(f"{chart} > div").nth(1).wait_for()
    page.click("main button[data-print]")
    assert page.evaluate("window.printed") == 1
    for path in (
        "/standards/ranking/",
        "/standards/recruitment/",
        f"/standards/plans/{plan.pk}/",
        "/reports/monthly/status/",
        "/reports/exports/",
        "/reports/history/",
        "/accounts/two-factor/",
        "/accounts/two-factor/setup/",  # (the QR code is an inline SVG)
    ):
        visit(page, path)

    page.context.clear_cookies()
    log_in(page, "root")
    for path in (
        "/admin/",
        f"/admin/unions/union/{union.pk}/change/",
        f"/admin/unions/union/{union.pk}/history/",
        f"/admin/accounts/user/{world.users['officer_a'].pk}/change/",
        "/admin/unions/member/",
    ):
        visit(page, path)
    visit(page, "/admin/django_celery_beat/periodictask/add/")
    # django-celery-beat's form says the chosen schedule in words (its script moved to a file).
    page.select_option("#id_crontab", str(crontab.pk))
    assert "At 06:30 AM" in page.inner_text(".field-crontab .help")

    assert problems == []
