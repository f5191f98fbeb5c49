"""A union does its self-inspection, the area cadre inspects it, and the grade changes on the
ranking page."""

import datetime

import pytest
from django.utils import timezone

from contracts.models import CollectiveContract
from contracts.services import contract_save
from standards.models import Assessment, Period
from standards.scoring import score_period

from ..factories import EnterpriseFactory
from ..standards.schemes import small_scheme
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def covered_enterprises(union, count):
    today = timezone.localdate()
    for index in range(count):
        enterprise = EnterpriseFactory(union=union)
        contract = CollectiveContract(
            union=union,
            kind="wage",
            title=f"合同{index}",
            employer_party=enterprise.name,
            signed_on=today - datetime.timedelta(days=30),
            effective_from=today - datetime.timedelta(days=30),
            effective_to=today + datetime.timedelta(days=300),
        )
        contract_save(actor=None, contract=contract, enterprises=[enterprise])


def grade_of(page, union_name):
    row = page.locator("#list-table tbody tr", has_text=union_name)
    return row.locator("td").nth(3).inner_text().strip()


def test_a_self_inspection_and_an_inspection_raise_the_grade(page, world):
    today = timezone.localdate()
    period = Period.objects.create(
        name=f"{today.year}年度",
        scheme=small_scheme(),
        starts_on=today.replace(month=1, day=1),
        ends_on=today.replace(month=12, day=31),
    )
    covered_enterprises(world.unions["A"], 2)  # coverage 100%: 40 points
    score_period(period)

    log_in(page, "cadre_a")
    page.click("#sidebar a:has-text('评分排名')")
    assert grade_of(page, "单元A工会委员会") == "未定级"  # 40 points: no grade yet
    page.context.clear_cookies()

    # The union's officer fills in the self-inspection and submits it.
    log_in(page, "officer_a")
    page.click("#sidebar a:has-text('自查与考核')")
    page.click("main a:has-text('开始自查')")
    page.select_option("#id_period", str(period.pk))
    page.select_option("#id_union", str(world.unions["A"].pk))
    page.click("button:has-text('保存')")
    assessment = Assessment.objects.get()
    dues = assessment.scores.get(indicator__code="dues")
    page.fill(f"#id_self_points_{dues.pk}", "40")
    page.fill(f"#id_evidence_{dues.pk}", "经费拨缴凭证12份")
    page.click("button:has-text('保存并提交考核')")
    page.wait_for_selector("text=自查已提交，等待考核。")
    page.context.clear_cookies()

    # The area cadre inspects: the dues confirmed, the assembly scored with its evidence.
    log_in(page, "cadre_a")
    page.goto(f"{page.base_url}{assessment.get_absolute_url()}")
    page.click("main a:has-text('考核评分')")
    assembly = assessment.scores.get(indicator__code="assembly")
    page.fill(f"#id_points_{assembly.pk}", "25")  # above its 20: refused
    page.fill(f"#id_reason_{assembly.pk}", "查阅会员大会记录")
    page.click("button:has-text('保存')")
    assert "不能超过满分 20 分。" in page.inner_text("main")
    page.fill(f"#id_points_{assembly.pk}", "20")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=考核已保存，评分表已重新计算。")

    page.click("#sidebar a:has-text('评分排名')")
    assert grade_of(page, "单元A工会委员会") == "AAA"  # 40 + 20 + 40
