"""The monthly Excel report: its sheets and cells computed by hand from records built here, its
scope, text that must not become a formula, the record on the reports page, the monthly job and
the command."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cohesion_portal import metrics
from cohesion_portal.dates import previous_month
from reports.models import ExportStatus, MonthlyExport, MonthlyReport
from reports.services.exports import produce, request_export, request_industry_exports
from standards.models import Scorecard

from ..factories import EnterpriseFactory, enrol
from ..plugged import later_sheet_titles
from ..scoping import contract_of
from ..standards.schemes import period_2026, plan_with_t1_and_t2, small_scheme

SHEETS = [
    "汇总",
    "评分与等级",
    "会员与入会",
    "集体合同",
    "职代会与厂务公开",
    "月报提交情况",
]


def workbook_of(export):
    export.refresh_from_db()
    assert export.status == ExportStatus.DONE, export.error
    with export.file.open("rb") as stream:
        return load_workbook(io.BytesIO(stream.read()))


def rows_by_union(sheet) -> dict[str, tuple]:
    """{union name: its row} of a per-union sheet (header on row 2)."""
    header = [cell.value for cell in sheet[2]]
    union_column = header.index("工会")
    rows = {}
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if row[union_column]:
            rows[row[union_column]] = row
        if row[0] == "合计":
            break  # (the table's note follows)
    return rows


def column(sheet, header: str) -> int:
    return [cell.value for cell in sheet[2]].index(header)


@pytest.fixture
def plan(db):
    today = timezone.localdate()
    return plan_with_t1_and_t2(today.replace(month=1, day=1), today.replace(month=12, day=31))


def produced(user, month, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export, _created = request_export(user=user, month=month)
    return export


@pytest.mark.django_db
def test_the_sheets_hold_the_figures_of_the_records_and_agree_with_the_dashboard(
    client, world, plan, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    month = today.replace(day=1)
    # T1: two recruits of A this month, one of C, one of B (another industry union); one of A
    # who is not new-generation.
    for label in ("A", "A", "C", "B"):
        enrol(world.unions[label], joined_on=month)
    enrol(world.unions["A"], joined_on=month, born=datetime.date(1975, 1, 1))
    # T2: A has two unionized enterprises, one covered; C one, not covered.
    contract_of(world.unions["A"])
    EnterpriseFactory(union=world.unions["A"], headcount=40)
    EnterpriseFactory(union=world.unions["C"], headcount=10)
    period = period_2026(small_scheme())
    Scorecard.objects.create(
        period=period,
        union=world.unions["A"],
        total=86.5,
        grade="AA",
        trusted_home=True,
        computed_at=timezone.now(),
    )
    staff = world.users["staff_lt"]

    export = produced(staff, month, django_capture_on_commit_callbacks)
    book = workbook_of(export)
    assert book.sheetnames == SHEETS + later_sheet_titles()

    summary = book["汇总"]
    targets = {row[0]: row for row in summary.iter_rows(min_row=3, values_only=True) if row[0]}
    # The dashboard's card, the metric, and the Excel cell give the same figure.
    client.force_login(staff)
    context = client.get(reverse("reports:dashboard")).context
    cards = {state.target.code: state.current for state in context["dashboard"].targets}
    card_urls = {state.target.code: url for state, url in context["cards"]}
    t1 = metrics.get("unions.new_generation_recruits").total(
        today, since=plan.starts_on, user=staff
    )
    t2 = metrics.get("contracts.coverage").total(today, user=staff)
    assert t1 == 3 == cards["T1"] == targets["T1"][4]
    assert t2 == round(100 * 1 / 3, 2) == cards["T2"] == targets["T2"][4]  # 1 of A+C's 3
    assert targets["T1"][5] == 30.0  # share achieved: 3 of 10
    # People are whole in the Excel (10, not 10.00); rates in % with one decimal, as the pages.
    formats = {
        row[0].value: [cell.number_format for cell in row]
        for row in summary.iter_rows(min_row=3)
        if row[0].value in ("T1", "T2")
    }
    assert formats["T1"][3] == formats["T1"][4] == "#,##0"
    assert formats["T2"][3] == formats["T2"][4] == formats["T1"][5] == '0.0"%"'
    # The card opens the list of those three recruits.
    assert client.get(card_urls["T1"]).context["table"].page.paginator.count == 3

    membership = book["会员与入会"]
    rows = rows_by_union(membership)
    assert set(rows) == {world.unions["A"].name, world.unions["C"].name, "合计"}
    recruits = column(membership, "计划期内新生代农民工入会")
    joined = column(membership, "本月入会")
    a, c = rows[world.unions["A"].name], rows[world.unions["C"].name]
    assert (a[recruits], c[recruits], rows["合计"][recruits]) == (2, 1, 3)
    assert (a[joined], c[joined], rows["合计"][joined]) == (3, 1, 4)
    # The Excel cell is the metric the scoring reads, and the count of the list it links to.
    by_union = metrics.get("unions.new_generation_recruits").by_union(plan.starts_on, today)
    assert by_union[world.unions["A"].pk] == a[recruits]
    records = metrics.get("unions.new_generation_recruits").records_url(
        world.unions["A"].pk, plan.starts_on, today
    )
    assert client.get(records).context["table"].page.paginator.count == a[recruits]

    contracts = book["集体合同"]
    rows = rows_by_union(contracts)
    coverage = column(contracts, "覆盖率")
    unionized = column(contracts, "已建会企业")
    a, c = rows[world.unions["A"].name], rows[world.unions["C"].name]
    assert (a[unionized], a[coverage]) == (2, 50.0)
    assert (c[unionized], c[coverage]) == (1, 0)
    # The totals row: a rate of the totals, never a sum of rates.
    assert rows["合计"][unionized] == 3
    assert rows["合计"][coverage] == round(100 * 1 / 3, 2)
    assert contracts.cell(row=3, column=coverage + 1).number_format == '0.0"%"'

    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A3", sheet.title
        assert sheet.print_title_rows == "$1:$2", sheet.title
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1, sheet.title
    scorecards = book["评分与等级"]
    rows = rows_by_union(scorecards)
    assert rows[world.unions["A"].name][:5] == (1, world.unions["A"].name, "轻纺", 86.5, "AA")
    assert rows[world.unions["C"].name][4] == "未评分"
    # Scorecards are kept as last computed: the sheet says from when.
    notes = [row[0] for row in scorecards.iter_rows(values_only=True) if row[0]]
    computed = timezone.localtime(Scorecard.objects.get().computed_at).strftime("%Y-%m-%d %H:%M")
    assert any(computed in str(note) for note in notes), notes
    assert summary._charts and scorecards._charts  # native charts
    assert world.unions["B"].name not in rows  # another industry union's


@pytest.mark.django_db
def test_user_text_that_looks_like_a_formula_is_written_as_text(
    world, django_capture_on_commit_callbacks
):
    month = previous_month(timezone.localdate())
    texts = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(A1)"]
    MonthlyReport.objects.create(
        union=world.unions["A"],
        month=month,
        status="submitted",
        work_done="\x02" + texts[0],
        problems=texts[1],
        next_month=texts[2],
        # Control characters Excel does not allow are dropped, before the check, not after.
        review_comment="\x01" + texts[3] + "\x0b",
    )
    export = produced(world.users["officer_a"], month, django_capture_on_commit_callbacks)
    sheet = workbook_of(export)["月报提交情况"]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[0].value == world.unions["A"].name)
    cells = row[6:10]  # (after the status, the times and whether it came late)
    assert [cell.value for cell in cells] == texts
    assert all(cell.data_type == "s" for cell in cells)
    assert all(cell.quotePrefix for cell in cells)


@pytest.mark.django_db
def test_a_report_covers_the_area_of_who_asked_and_is_theirs_alone(
    client, world, django_capture_on_commit_callbacks
):
    month = previous_month(timezone.localdate())
    for label in ("A", "B", "C"):
        EnterpriseFactory(union=world.unions[label])
    export = produced(world.users["officer_a"], month, django_capture_on_commit_callbacks)
    book = workbook_of(export)
    names = set(rows_by_union(book["集体合同"])) - {"合计"}
    assert names == {world.unions["A"].name}
    assert export.scope_label == world.unions["A"].name

    client.force_login(world.users["officer_a"])
    response = client.get(reverse("reports:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    # Another user of the same union's industry does not see it, not even its staff.
    for persona in ("staff_lt", "cadre_a", "staff_aw"):
        client.force_login(world.users[persona])
        assert client.get(reverse("reports:export_detail", args=[export.pk])).status_code == 404
        assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404
        assert export not in client.get(reverse("reports:exports")).context["exports"]

    staff = produced(world.users["staff_lt"], month, django_capture_on_commit_callbacks)
    names = set(rows_by_union(workbook_of(staff)["集体合同"])) - {"合计"}
    assert names == {world.unions["A"].name, world.unions["C"].name}


@pytest.mark.django_db
def test_asking_twice_gives_the_waiting_report_and_a_future_month_is_refused(client, world):
    client.force_login(world.users["staff_lt"])
    month = previous_month(timezone.localdate())
    url = reverse("reports:exports")
    # (The task runs when the request's transaction commits, which the test never does: the
    # first report is still waiting when the second click arrives.)
    first = client.post(url, {"month": month.isoformat()})
    second = client.post(url, {"month": month.isoformat()}, follow=True)
    assert MonthlyExport.objects.count() == 1
    export = MonthlyExport.objects.get()
    assert first["Location"] == export.get_absolute_url()
    assert "该报表正在生成" in second.content.decode()

    later = timezone.localdate().replace(day=28) + datetime.timedelta(days=5)
    response = client.post(url, {"month": later.replace(day=1).isoformat()})
    assert response.status_code == 200
    assert "month" in response.context["form"].errors
    assert MonthlyExport.objects.count() == 1


@pytest.mark.django_db
def test_the_page_shows_the_progress_then_the_download(client, world):
    export = MonthlyExport.objects.create(
        month=previous_month(timezone.localdate()),
        requested_by=world.users["staff_lt"],
        scope_label="大连市轻纺工会",
    )
    client.force_login(world.users["staff_lt"])
    url = reverse("reports:export_detail", args=[export.pk])
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 1s"' in page  # polled while waiting
    produce(export.pk)
    page = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'id="export-download"' in page and "hx-trigger" not in page
    export.refresh_from_db()
    again = produce(export.pk)  # the task delivered twice: the report is left as it is
    assert (again.status, again.file.name, again.finished_at) == (
        ExportStatus.DONE,
        export.file.name,
        export.finished_at,
    )


@pytest.mark.django_db
def test_the_monthly_job_makes_one_report_per_industry_union_once(
    world, django_capture_on_commit_callbacks
):
    month = previous_month(timezone.localdate())
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            request_industry_exports(month)
    exports = MonthlyExport.objects.filter(requested_by__isnull=True)
    assert exports.count() == 2
    assert {e.status for e in exports} == {ExportStatus.DONE}
    light = exports.get(industry_union=world.unions["A"].industry_union)
    names = set(rows_by_union(workbook_of(light)["集体合同"])) - {"合计"}
    assert names == {world.unions["A"].name, world.unions["C"].name}


@pytest.mark.django_db
def test_the_command_writes_the_report_of_a_month(world, tmp_path):
    output = tmp_path / "report.xlsx"
    month = previous_month(timezone.localdate())
    call_command(
        "export_monthly_report",
        month=f"{month:%Y-%m}",
        output=str(output),
        industry_union=world.unions["B"].industry_union.code,
        stdout=io.StringIO(),
    )
    book = load_workbook(output)
    assert book.sheetnames == SHEETS + later_sheet_titles()
    assert set(rows_by_union(book["集体合同"])) - {"合计"} == {world.unions["B"].name}


@pytest.mark.django_db
def test_the_report_reads_the_same_number_of_queries_for_few_unions_and_many(world, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cohesion_portal.access import EVERYTHING, Reader
    from reports.excel import write_report
    from reports.services.exports import report_context

    from ..factories import make_union

    month = previous_month(timezone.localdate())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            write_report(report_context(Reader(EVERYTHING), month, "全部"), io.BytesIO())
        return len(captured)

    enrol(world.unions["A"], joined_on=month)  # (the same kinds of records, fewer of them)
    EnterpriseFactory(union=world.unions["A"])
    few = queries()
    for n in range(6):
        union = make_union(f"新增工会{n}")
        enrol(union, joined_on=month)
        EnterpriseFactory(union=union)
    assert queries() == few
