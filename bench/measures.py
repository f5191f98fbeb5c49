"""What the benchmark measures. A later app adds its measures here (scoring, dashboard, export)."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.test import Client, override_settings
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from unions.id_numbers import make_id_number
from unions.metrics import scope_overview
from unions.models import Enterprise, Member, Membership, Union
from unions.services import roster_import, roster_upload

PAGE = 25


def client_for(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def get(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return run


def run_all(bench, *, scale):
    User = get_user_model()
    staff, officer = User.objects.get(username="qf_staff"), User.objects.get(username="officer")
    staff_client, officer_client = client_for("qf_staff"), client_for("officer")

    # The home pages computed (as after any write), then from the figures cache (data_version).
    with override_settings(FIGURES_CACHE_SECONDS=0):
        bench.add(
            "workbench, officer",
            get(officer_client, "/"),
            baseline=lambda: scope_overview(officer),
        )
        bench.add("industry dashboard (staff's home page)", get(staff_client, "/"))
    for client in (officer_client, staff_client):
        get(client, "/")()  # computed once, then served from the cache
    bench.add("workbench, officer, no write since", get(officer_client, "/"))
    bench.add("industry dashboard, no write since", get(staff_client, "/"))
    tops = Union.objects.for_user(staff).filter(parent__isnull=True).order_by("name")
    bench.add(
        "union tree, industry staff",
        get(staff_client, "/unions/"),
        baseline=lambda: list(tops[:50]),
    )
    enterprises = (
        Enterprise.objects.for_user(staff)
        .filter(sector="textile")
        .select_related("union", "industry_union")
        .order_by("-headcount")
    )
    bench.add(
        "enterprise list, filtered and sorted",
        get(staff_client, "/unions/enterprises/?sector=textile&sort=-headcount"),
        baseline=lambda: list(enterprises[:PAGE]),
    )
    members = (
        Member.objects.for_user(staff)
        .filter(status="active", is_migrant=True)
        .select_related("union", "enterprise")
        .order_by("-joined_on")
    )
    url = "/unions/members/?status=active&is_migrant=true&sort=-joined_on"
    bench.add(
        "member list, filtered and sorted, page 1",
        get(staff_client, url),
        baseline=lambda: list(members[:PAGE]),
    )
    deep = max(1, int(members.count() / PAGE * 0.8))
    bench.add(
        f"member list, same, deep page {deep}",
        get(staff_client, f"{url}&page={deep}"),
        baseline=lambda: list(members[(deep - 1) * PAGE : deep * PAGE]),
    )
    bench.add(
        "member list, search by last 4 of the ID",
        get(staff_client, "/unions/members/?q=1234"),
        baseline=lambda: list(
            Member.objects.for_user(staff).filter(id_number__endswith="1234")[:PAGE]
        ),
    )
    largest = (
        Union.objects.filter(parent__isnull=True)
        .annotate(n=Count("enterprises"))
        .order_by("-n")
        .first()
    )
    bench.add(
        f"union page of the largest union ({largest.n} enterprises)",
        get(staff_client, f"/unions/{largest.pk}/"),
    )
    bench.add("ranking, a deep page", get(staff_client, "/standards/ranking/?page=30"))
    member = Member.objects.for_user(officer).first()
    bench.add("member page, officer", get(officer_client, f"/unions/members/{member.pk}/"))
    for who, user, client in (
        ("industry staff", staff, staff_client),
        ("officer", officer, officer_client),
    ):
        assistance_measures(bench, who, user, client)
    scoring_measure(bench)
    export_measure(bench)
    roster_measure(bench, officer)


def assistance_measures(bench, who, user, client):
    """The assistance pages as `user` sees them (with the permission to read names), each list
    beside its first page read bare."""
    from assistance.models import Aid, Appeal, Campaign, HardshipFile

    files = HardshipFile.objects.for_user(user).select_related("union", "grade")
    url = reverse("assistance:file_list")
    bench.add(f"hardship files, {who}", get(client, url), baseline=first_page(files))
    deep = int(files.count() / PAGE * 0.8)
    if deep > 1:  # (an officer's union may keep a page of files or two)
        bench.add(
            f"hardship files, {who}, deep page {deep}",
            get(client, f"{url}?page={deep}"),
            baseline=lambda: list(files[(deep - 1) * PAGE : deep * PAGE]),
        )
    aid = Aid.objects.for_user(user).select_related("union", "enterprise", "campaign")
    bench.add(f"aid records, {who}", get(client, reverse("assistance:aid_list")), first_page(aid))
    appeals = Appeal.objects.for_user(user).select_related("union", "industry_union")
    bench.add(
        f"appeals, {who}", get(client, reverse("assistance:appeal_list")), first_page(appeals)
    )
    bench.add(f"aid campaigns, {who}", get(client, reverse("assistance:campaign_list")))
    # The campaign with the most aid: its page sums all of it (figures, for all who see it).
    largest = Campaign.objects.for_user(user).annotate(n=Count("aid")).order_by("-n").first()
    bench.add(
        f"campaign page ({largest.n:,} aid records), {who}",
        get(client, reverse("assistance:campaign_detail", args=[largest.pk])),
    )
    bench.add(f"stations, {who}", get(client, reverse("assistance:station_list")))
    bench.add(f"legal aid workstations, {who}", get(client, reverse("assistance:workstation_list")))
    bench.add(f"yearly review of files, {who}", get(client, reverse("assistance:file_review")))
    glance = get(client, reverse("assistance:overview"))
    with override_settings(FIGURES_CACHE_SECONDS=0):
        bench.add(f"assistance at a glance, {who}", glance)
    glance()  # computed once, then served from the figures cache
    bench.add(f"assistance at a glance, {who}, no write since", glance)
    bench.add(f"worker book rooms, {who}", get(client, reverse("competitions:book_room_list")))
    bench.add(f"honorary titles, {who}", get(client, reverse("competitions:title_list")))


def first_page(queryset):
    return lambda: list(queryset[:PAGE])


def scoring_measure(bench):
    """The full recompute of the current period, against bare SQL reading the same data."""
    from django.utils import timezone

    from standards.periods import latest_period
    from standards.scoring import score_period

    from .scoring_baseline import read_what_scoring_reads

    today = timezone.localdate()
    period = latest_period(today)
    unions = Union.objects.filter(parent__isnull=True).count()
    bench.add(
        f"scoring job, all {unions:,} grassroots unions",
        lambda: score_period(period, today=today, include_final=True),
        baseline=lambda: read_what_scoring_reads(period, min(period.ends_on, today)),
        runs=3,
    )


def roster_workbook(rows: int) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["姓名", "身份证号", "入会日期", "是否农民工"])
    born = datetime.date(1970, 1, 1)
    for index in range(rows):
        day = born + datetime.timedelta(days=index % 12_000)
        number = make_id_number("500101", day, index // 12_000 + 50, index % 2 == 0)
        sheet.append([f"导入{index}", number, "2026-03-01", "是" if index % 3 else "否"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def roster_measure(bench, officer):
    """Check and import 10,000 rows into the officer's union (once: it writes)."""
    content = roster_workbook(10_000)
    union = officer.role.union
    # A run with --reuse finds last run's imported people: take them out first (bench data
    # only), their memberships before them (a member's memberships protect it from deletion).
    imported = Member.objects.filter(union=union, name__startswith="导入")
    Membership.objects.filter(member__in=imported).delete()
    imported.delete()

    def check_and_import():
        upload = SimpleUploadedFile("bench.xlsx", content)
        roster = roster_upload(actor=officer, union=union, uploaded=upload)
        roster = roster_import(actor=officer, roster=roster)
        assert roster.imported_count == 10_000, (roster.rows_valid, roster.problems[:3])

    def read_only():
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))

    bench.add(
        "roster import, 10,000 rows (check + import)", check_and_import, baseline=read_only, runs=1
    )


def export_measure(bench):
    """The monthly Excel report of last month over everything (every grassroots union), against
    the same cells written with bare openpyxl in write-only mode: the same data read by the same
    sheet functions, then appended as plain values (no styles, totals, print setup or charts).
    The ratio is what the report's writer adds to reading the data and writing it out."""
    import tempfile

    from django.utils import timezone

    from cohesion_portal import sheets
    from cohesion_portal.access import EVERYTHING, Reader
    from cohesion_portal.dates import previous_month
    from reports.excel import write_report
    from reports.services.exports import report_context

    month = previous_month(timezone.localdate())
    reader = Reader(EVERYTHING)

    def export():
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as out:
            write_report(report_context(reader, month, "全部"), out.name)

    def bare_openpyxl():
        context = report_context(reader, month, "全部")
        workbook = Workbook(write_only=True)
        for sheet in sheets.all_sheets():
            worksheet = workbook.create_sheet(str(sheet.title)[:31])
            for table in sheet.build(context):
                worksheet.append([str(column.header) for column in table.columns])
                for row in table.rows:
                    worksheet.append([plain(value) for value in row])
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as out:
            workbook.save(out.name)

    bench.add("monthly Excel export, all unions", export, baseline=bare_openpyxl, runs=3)


def plain(value):
    """`value` as bare openpyxl takes it: Excel has no time zones (an aware datetime is refused)
    and a figure with its unit (sheets.Measured) is its number, without the unit's format."""
    from cohesion_portal.sheets import Measured

    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, Measured):
        return value.value
    return value
