"""Industry staff open the dashboard, follow a card to the records behind it, then ask for the
monthly Excel report, watch it being produced, download it and the file holds the figures."""

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from ..factories import EnterpriseFactory, enrol
from ..scoping import contract_of
from ..standards.schemes import plan_with_t1_and_t2
from .conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_from_the_dashboard_to_the_records_and_to_the_excel_report(page, world, tmp_path):
    today = timezone.localdate()
    plan_with_t1_and_t2(today.replace(month=1, day=1), today.replace(month=12, day=31))
    for label, day in (("A", 1), ("A", 2), ("C", 3)):
        enrol(world.unions[label], joined_on=today.replace(day=day), name=f"新会员{label}{day}")
    contract_of(world.unions["A"])
    EnterpriseFactory(union=world.unions["C"])

    log_in(page, "staff_lt")
    page.goto(f"{page.base_url}/reports/dashboard/")
    card = page.locator("#card-T1")
    assert "3" in card.locator(".stat-value").inner_text()
    card.click()
    page.wait_for_load_state()
    # The records behind the card: the three recruits, in staff_lt's area.
    rows = page.locator("#list-table tbody tr")
    assert rows.count() == 3
    assert page.locator("#list-table", has_text="新会员A1").count() == 1

    page.goto(f"{page.base_url}/reports/exports/")
    month = today.replace(day=1)
    page.select_option("#id_month", month.isoformat())
    page.click("#export-request button[type=submit]")
    page.wait_for_selector("#export-download", timeout=30_000)
    with page.expect_download() as download:
        page.click("#export-download")
    path = tmp_path / "report.xlsx"
    download.value.save_as(path)
    assert download.value.suggested_filename.endswith(f"{month:%Y-%m}.xlsx")

    book = load_workbook(path)
    assert book.sheetnames[0] == "汇总" and "会员与入会" in book.sheetnames
    targets = {row[0]: row for row in book["汇总"].iter_rows(min_row=3, values_only=True)}
    assert targets["T1"][4] == 3
    assert targets["T2"][4] == 50.0  # A's contract covers its enterprise; C's is not covered
    membership = book["会员与入会"]
    header = [cell.value for cell in membership[2]]
    total = next(r for r in membership.iter_rows(min_row=3, values_only=True) if r[0] == "合计")
    assert total[header.index("计划期内新生代农民工入会")] == 3
