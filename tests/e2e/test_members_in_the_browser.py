"""An officer imports a roster with a bad row; a worker applies through the QR poster."""

import datetime

import pytest

from unions.models import Member

from ..factories import id_number
from ..rosters import workbook_file
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def roster_on_disk(tmp_path, name, rows):
    path = tmp_path / name
    path.write_bytes(workbook_file(rows).read())
    return path


def test_an_officer_fixes_a_bad_row_and_imports_the_roster(page, world, tmp_path):
    good, other = id_number(datetime.date(1996, 1, 2)), id_number(datetime.date(1991, 3, 4))
    bad_rows = [
        ("孙丽", good, "2026-04-01", "", "", "", "是"),
        ("钱强", other[:-1], "2026-04-01", "", "", "", "否"),  # a digit short
    ]
    log_in(page, "officer_a")
    page.goto(f"{page.base_url}/unions/members/")
    page.click("main a:has-text('导入名册')")
    page.select_option("#id_union", str(world.unions["A"].pk))
    page.set_input_files("#id_file", roster_on_disk(tmp_path, "名册.xlsx", bad_rows))
    page.click("button:has-text('检查名册')")

    problem = page.locator(".problems-table tbody tr").first
    assert problem.locator("td").nth(0).inner_text() == "3"
    assert problem.locator("td").nth(1).inner_text() == "身份证号"
    assert "此处为 17 位" in problem.locator("td").nth(2).inner_text()
    assert not Member.objects.exists()

    fixed = [bad_rows[0], ("钱强", other, "2026-04-01", "", "", "", "否")]
    page.click("a:has-text('检查其他文件')")
    page.select_option("#id_union", str(world.unions["A"].pk))
    page.set_input_files("#id_file", roster_on_disk(tmp_path, "名册-改.xlsx", fixed))
    page.click("button:has-text('检查名册')")
    page.click("button:has-text('导入 2 名会员')")
    page.wait_for_selector("text=已导入 2 名会员到")
    assert sorted(Member.objects.values_list("name", flat=True)) == ["孙丽", "钱强"]


def test_a_worker_applies_through_the_poster_and_the_officer_approves(page, browser, world):
    log_in(page, "officer_a")
    page.goto(f"{page.base_url}{world.unions['A'].get_absolute_url()}")
    page.click("main a:has-text('入会二维码')")
    assert page.locator(".poster-qr svg").count() == 1
    join_url = page.locator("#join-url a").get_attribute("href")

    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    worker = phone.new_page()
    worker.goto(join_url)
    worker.fill("#id_name", "吴敏")
    worker.fill("#id_id_number", id_number(datetime.date(2001, 9, 9), male=False))
    worker.fill("#id_phone", "13700001111")
    worker.check("#id_is_migrant")
    worker.click("button:has-text('提交申请')")
    worker.wait_for_selector("text=您的申请已收到。")
    phone.close()

    page.goto(f"{page.base_url}/unions/applications/")
    page.click("tr:has-text('吴敏') a:has-text('处理')")
    page.check("input[name=approve][value=yes]")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=吴敏已成为会员。")
    member = Member.objects.get(name="吴敏")
    assert member.is_new_generation_migrant and member.union == world.unions["A"]
