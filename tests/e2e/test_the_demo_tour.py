"""The README's "try it" tour, walked in Chromium with the demo accounts alone: the officer
self-inspects, the area cadre inspects, the industry union's staff approves, the scorecards are
recomputed, and the ranking and the monthly Excel show the union's result."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from reports.models import MonthlyExport
from standards.models import Assessment, AssessmentStatus
from unions.demo import DEMO_PASSWORD, DemoBuilder, Scale
from unions.models import Role

from ..factories import INDUSTRY_UNIONS, industry
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SMALL = Scale(grassroots_unions=24, enterprises=120, members=600, pending_transfers=2)


def as_demo(page, username):
    page.context.clear_cookies()
    log_in(page, username, DEMO_PASSWORD)


def test_the_tour_of_an_inspection_walks_with_the_demo_accounts(page):
    for code in INDUSTRY_UNIONS:  # (a transactional test before this one flushed them)
        industry(code)
    DemoBuilder(scale=SMALL, seed=14, today=timezone.localdate()).build()
    union = Role.objects.get(user__username="officer").union
    assessment = Assessment.objects.get(union=union, period__starts_on__year=timezone.now().year)
    assert assessment.status == AssessmentStatus.DRAFT  # the demo leaves it to the officer

    # 1. The officer fills in the self-inspection and submits it.
    as_demo(page, "officer")
    page.click("#sidebar a:has-text('自查与考核')")
    page.click(f"main a[href='{assessment.get_absolute_url()}']")
    page.click("main a:has-text('填写自查')")
    for field in page.locator("input[id^='id_self_points_']").all():
        field.fill("3")
    for field in page.locator("textarea[id^='id_evidence_']").all():
        field.fill("见台账和会议记录")
    page.click("button:has-text('保存并提交考核')")
    page.wait_for_selector("text=自查已提交，等待考核。")

    # 2. The area cadre, whose area the union is in, inspects it.
    as_demo(page, "qf_cadre")
    page.goto(f"{page.base_url}{assessment.get_absolute_url()}")
    page.click("main a:has-text('考核评分')")
    for field in page.locator("input[id^='id_points_']").all():
        field.fill("3")
    for field in page.locator("textarea[id^='id_reason_']").all():
        field.fill("查阅台账，符合要求")
    page.click("form.submit-once button[type=submit]")
    page.wait_for_selector("text=考核已保存，评分表已重新计算。")

    # 3. The industry union's staff approves it.
    as_demo(page, "qf_staff")
    page.goto(f"{page.base_url}{assessment.get_absolute_url()}")
    page.click("main a:has-text('审定或退回')")
    page.get_by_label("审定通过").check()
    page.click("form.submit-once button[type=submit]")
    page.wait_for_url(f"**{assessment.get_absolute_url()}")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED

    # 4. The scorecards are recomputed; the ranking shows the union as approved.
    page.click("#sidebar a:has-text('评分排名')")
    page.click("main a:has-text('重新计算')")
    page.click("main button:has-text('重新计算')")
    page.click("#sidebar a:has-text('评分排名')")
    row = page.locator("#list-table tbody tr", has_text=union.name)
    scorecard = assessment.union.scorecards.get(period=assessment.period)
    assert scorecard.final
    assert f"{scorecard.total:g}" in row.inner_text()

    # 5. The monthly Excel, asked for on its page, shows the same total.
    page.click("#sidebar a:has-text('月度 Excel 报表')")
    page.click("main form.submit-once button[type=submit]")
    page.wait_for_selector("text=下载")
    export = MonthlyExport.objects.latest("pk")
    with export.file.open("rb") as stream:
        book = load_workbook(io.BytesIO(stream.read()))
    rows = {row[1]: row for row in book["评分与等级"].iter_rows(values_only=True) if row[1]}
    assert rows[union.name][3] == float(scorecard.total)
