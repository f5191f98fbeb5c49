"""The hostile-input corpus (tests/hostile/corpus.py) sent through the real pages, as the
personas of tests/conftest.py and as a visitor: every form that adds or changes records, the
public join and survey pages, the roster import (hostile workbooks and files that are none),
uploaded documents, and the lists' query strings; then the same form sent twice, an action
sent again after its record moved on, and duplicates of records.
(An edit form saved over a newer version of its record: tests/portal/test_stale_edits.py.)

Each answer is judged by tests/hostile/walker.py: no server error; a refusal in Chinese next to
the field, with no row of any table added, changed or lost; what is taken stored as typed and
shown escaped. After each group, every page, the morning's reminders, the scoring and the
monthly Excel report must still run over what was taken. The totals (distinct inputs, requests,
rows lost) are printed at the end of the module.
"""

import datetime
import io
import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from cohesion_portal.text import normalize_text
from cohesion_portal.views import ScopedListView
from contracts.models import (
    CollectiveContract,
    CongressSystem,
    Disclosure,
    NegotiationOffer,
    PerformanceCheck,
)
from contracts.services import congress_save, contract_save, offer_save
from reminders.tasks import refresh_daily
from reports.models import MonthlyExport, MonthlyReport
from reports.services.exports import produce
from standards.models import (
    Assessment,
    AssessmentScore,
    Indicator,
    Plan,
    Scheme,
    Survey,
    Target,
    VetoItem,
)
from standards.tasks import score_current_period_task
from unions.models import IndustryUnion, JoinApplication
from unions.services import member_leave, transfer_request, union_join_code

from ..factories import EnterpriseFactory, credit_code, enrol, id_number
from ..hostile.corpus import LONG, TEXT
from ..hostile.walker import CJK, Case, Tally, Walker, table_counts
from ..scoping import BUILDERS, _period
from .test_view_walk import PUBLIC, ROUTES

pytestmark = pytest.mark.django_db

TOTAL = Tally()


@pytest.fixture(scope="module", autouse=True)
def _report_totals(request):
    yield
    if not TOTAL.submissions:
        return
    line = (
        f"hostile inputs: {len(TOTAL.inputs)} distinct inputs in {TOTAL.submissions} requests "
        f"(forms: {TOTAL.refused} refused, {TOTAL.taken} taken), rows lost: {TOTAL.rows_lost}"
    )
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{line}")


@pytest.fixture(autouse=True)
def _not_rate_limited(settings):
    settings.JOIN_APPLICATIONS_PER_HOUR = 1_000_000
    settings.TRANSFER_LOOKUPS_PER_HOUR = 1_000_000


def walked(client, world, cases):
    walker = Walker(client, world)
    for case in cases:
        walker.attack(case)
    everything_still_works(client, world, walker.tally)
    TOTAL.merge(walker.tally)
    return walker.tally


# Every page without an id in its address, and what is drawn from every record: the lists, the
# dashboard, the workbench, the recruitment and ranking pages.
PAGES = [
    name
    for name, pattern in ROUTES
    if not pattern.pattern.converters
    and name not in PUBLIC
    and not name.startswith(("password_change", "two_factor"))
]
MARKUP = [h.value for h in TEXT if "<" in h.value]


def everything_still_works(client, world, tally):
    """After the forms took what they took: every page, for the one who sees everything and
    for an officer, answers without a server error and shows no markup raw; the morning's
    reminders, the scoring and the monthly Excel report run through every record."""
    for persona in ("superuser", "officer_a"):
        client.force_login(world.users[persona])
        for name in PAGES:
            try:
                response = client.get(reverse(name))
            except Exception as error:  # (what a server answers 500 to)
                tally.problems.append(f"{name} as {persona} after the walk: {error!r}")
                continue
            if response.status_code >= 500:
                tally.problems.append(f"{name} as {persona} after the walk: a server error")
            elif response.get("Content-Type", "").startswith("text/html"):
                page = response.content.decode()
                raw = [value for value in MARKUP if value in page]
                if raw:
                    tally.problems.append(f"{name} as {persona} shows raw markup: {raw}")
    for job in (refresh_daily, score_current_period_task):
        try:
            job()
        except Exception as error:
            tally.problems.append(f"the job {job.name} failed: {error!r}")
    for industry in IndustryUnion.objects.all():
        export = MonthlyExport.objects.create(
            month=datetime.date(2026, 10, 1), industry_union=industry, scope_label=industry.name
        )
        produce(export.pk)
        export.refresh_from_db()
        if export.status != "done":
            tally.problems.append(f"the monthly Excel report of {industry}: {export.status}")


def assert_no_problems(tally):
    assert not tally.problems, f"{len(tally.problems)} problems:\n" + "\n".join(tally.problems)
    assert tally.rows_lost == 0


_serial = itertools.count(1)


def fresh(prefix):
    return f"{prefix}{next(_serial)}"


def once(world, key, build):
    """A record built once per world (the form's choices need it on the first page)."""
    if key not in world.__dict__:
        world.__dict__[key] = build()
    return world.__dict__[key]


def enterprise_in(union, prefix="企业"):
    return EnterpriseFactory(union=union, name=fresh(f"{union.name}·{prefix}"))


# --- unions: the tree, enterprises, members, joining, transfers --------------------------------


def enterprise_of(world):
    return once(world, "enterprise", lambda: enterprise_in(world.unions["A"]))


def member_of(world):
    return once(world, "member", lambda: enrol(world.unions["A"], name="单元A·会员"))


def member_who_left(world):
    member = enrol(world.unions["A"], joined_on=datetime.date(2025, 1, 1))
    return member_leave(actor=None, member=member, on=datetime.date(2025, 6, 1), reason="离职")


def transfer_to_a(world):
    member = enrol(world.unions["B"])
    return transfer_request(
        actor=world.users["superuser"], member=member, to_union=world.unions["A"]
    )


def member_in_b(world):
    return {"id_number": enrol(world.unions["B"]).id_number, "to_union": world.unions["A"].pk}


UNION_CASES = [
    Case("unions:union_edit", record=lambda w: w.deepest["A"].parent, shown=("name",), whole=True),
    Case(
        "unions:union_create",
        valid=lambda w: {
            "parent": w.unions["A"].pk,
            "name": fresh("新分会"),
            "kind": "branch",
            "status": "active",
        },
        shown=("name",),
    ),
    Case(
        "unions:enterprise_edit",
        record=enterprise_of,
        kinds={"credit_code": "code"},
        shown=("name",),
        whole=True,
    ),
    Case(
        "unions:enterprise_create",
        valid=lambda w: {
            "name": fresh("大连新建企业"),
            "credit_code": credit_code(),
            "union": w.unions["A"].pk,
            "unionized_on": "2024-01-01",
            "ownership": "private",
            "sector": "textile",
            "headcount": "10",
            "migrant_headcount": "1",
        },
        kinds={"credit_code": "code"},
        shown=("name",),
    ),
    Case("unions:member_edit", record=member_of, kinds={"phone": "phone"}, shown=("name",)),
    Case(
        "unions:member_create",
        valid=lambda w: {
            "name": fresh("新会员"),
            "id_number": id_number(),
            "union": w.unions["A"].pk,
            "joined_on": "2026-01-05",
        },
        kinds={"id_number": "id_number", "phone": "phone"},
        skip=("card_number",),  # (unique: member_edit's rounds give the same cards)
        shown=("name",),
    ),
    Case(
        "unions:member_leave",
        record=lambda w: enrol(w.unions["A"]),
        fresh=True,
        valid=lambda w: {"kind": "left", "on": "2026-10-01", "reason": "离职"},
    ),
    Case(
        "unions:member_rejoin",
        record=member_who_left,
        fresh=True,
        valid=lambda w: {"union": w.unions["A"].pk, "on": "2026-11-01"},
    ),
    Case(
        "unions:transfer_request",
        valid=member_in_b,
        kinds={"id_number": "id_number"},
        skip=("to_enterprise",),
        audit=("unions_personaldatadisclosure",),  # (every look-up is recorded)
    ),
    Case(
        "unions:transfer_decide",
        persona="superuser",
        record=transfer_to_a,
        fresh=True,
        valid=lambda w: {"accept": "yes"},
    ),
    Case(
        "unions:application_decide",
        record=lambda w: JoinApplication.objects.create(
            union=w.unions["A"], name=fresh("申请人"), id_number=id_number(), phone="13800000000"
        ),
        fresh=True,
        valid=lambda w: {"approve": "yes", "unit": w.unions["A"].pk, "joined_on": "2026-11-01"},
    ),
]


def test_hostile_input_in_the_union_forms(client, world):
    assert_no_problems(walked(client, world, UNION_CASES))


# --- contracts: contracts, checks, offers and rounds, congresses and sessions, disclosure -----


def contract_in(world):
    union = world.unions["A"]
    contract = CollectiveContract(
        union=union,
        kind="wage",
        title=fresh("工资专项合同"),
        employer_party="企业方",
        signed_on=datetime.date(2025, 12, 20),
        effective_from=datetime.date(2026, 1, 1),
        effective_to=datetime.date(2027, 12, 31),
    )
    return contract_save(actor=None, contract=contract, enterprises=[enterprise_in(union)])


def offer_in(world):
    union = world.unions["A"]
    offer = NegotiationOffer(
        union=union,
        enterprise=enterprise_in(union),
        subject=fresh("工资集体协商要约"),
        sent_on=datetime.date(2026, 1, 5),
    )
    return offer_save(actor=None, offer=offer)


def congress_in(world):
    union = world.unions["A"]
    congress = CongressSystem(
        union=union,
        level="enterprise",
        name=fresh("职代会"),
        established_on=datetime.date(2020, 1, 1),
    )
    return congress_save(actor=None, congress=congress, enterprises=[enterprise_in(union)])


CONTRACT_CASES = [
    # A wage agreement may cut wages (a negative increase).
    Case(
        "contracts:edit",
        record=contract_in,
        shown=("title",),
        signed=("wage_increase_pct",),
        whole=True,
    ),
    Case(
        "contracts:create",
        valid=lambda w: {
            "union": w.unions["A"].pk,
            "kind": "wage",
            "title": fresh("新工资专项合同"),
            "employer_party": "企业方",
            "enterprises": enterprise_in(w.unions["A"]).pk,
            "negotiation_rounds": "1",
            "workers_covered": "10",
            "signed_on": "2025-12-20",
            "effective_from": "2026-01-01",
            "effective_to": "2027-12-31",
        },
        shown=("title",),
        signed=("wage_increase_pct",),
    ),
    Case("contracts:check_edit", record=lambda w: BUILDERS[PerformanceCheck](w.unions["A"])),
    Case(
        "contracts:check_create",
        record=contract_in,
        fresh=True,
        valid=lambda w: {"year": "2026", "checked_on": "2026-06-30", "clauses_kept": "all"},
    ),
    Case("contracts:offer_edit", record=offer_in, shown=("subject",)),
    Case(
        "contracts:offer_create",
        valid=lambda w: {
            "union": w.unions["A"].pk,
            "enterprise": enterprise_in(w.unions["A"]).pk,
            "subject": fresh("新要约"),
            "sent_on": "2026-01-05",
        },
        shown=("subject",),
    ),
    Case(
        "contracts:offer_round",
        record=offer_in,
        valid=lambda w: {"held_on": "2026-02-01", "minutes": "协商纪要"},
    ),
    Case("contracts:congress_edit", record=congress_in, shown=("name",)),
    Case(
        "contracts:congress_create",
        valid=lambda w: {
            "union": w.unions["A"].pk,
            "level": "enterprise",
            "name": fresh("新职代会"),
            "enterprises": enterprise_in(w.unions["A"]).pk,
            "established_on": "2020-01-01",
        },
        shown=("name",),
    ),
    Case(
        "contracts:congress_session",
        record=congress_in,
        valid=lambda w: {
            "held_on": "2026-05-01",
            "delegates_elected": "50",
            "delegates_present": "45",
            "items": "审议工资方案",
        },
    ),
    Case(
        "contracts:disclosure_edit",
        record=lambda w: BUILDERS[Disclosure](w.unions["A"]),
        shown=("title",),
    ),
    Case(
        "contracts:disclosure_create",
        valid=lambda w: {
            "union": w.unions["A"].pk,
            "enterprise": enterprise_of(w).pk,
            "topic": "wages",
            "title": fresh("新公开事项"),
            "disclosed_on": "2026-03-01",
            "channel": "board",
            "content": "年度工资调整方案",
        },
        shown=("title",),
    ),
]


def test_hostile_input_in_the_contract_forms(client, world):
    assert_no_problems(walked(client, world, CONTRACT_CASES))


# --- standards: plans and targets, the scheme, surveys, assessments, veto items ---------------


def period_of(world):
    def build():
        period = _period("对抗")
        VetoItem.objects.create(scheme=period.scheme, code="safety", name="重大安全事故")
        return period

    return once(world, "period", build)


def assessment_in(status):
    def build(world):
        period = _period("考核")
        assessment = Assessment.objects.create(
            period=period, union=world.unions["A"], status=status
        )
        AssessmentScore.objects.create(
            assessment=assessment,
            indicator=period.scheme.dimensions.get().indicators.get(),
            self_evidence="会议记录",
        )
        return assessment

    return build


def open_survey(world):
    today = timezone.localdate()
    return once(
        world,
        "survey",
        lambda: Survey.objects.create(
            period=period_of(world),
            union=world.unions["A"],
            opens_on=today - datetime.timedelta(days=10),
            closes_on=today + datetime.timedelta(days=10),
        ),
    )


STANDARDS_CASES = [
    Case("standards:plan_edit", persona="staff_lt", record=lambda w: BUILDERS[Plan](None)),
    Case(
        "standards:plan_create",
        persona="staff_lt",
        valid=lambda w: {
            "name": fresh("新工作方案"),
            "issued_by": "产业工会",
            "starts_on": "2026-01-01",
            "ends_on": "2028-12-31",
        },
        shown=("name",),
    ),
    Case("standards:target_edit", persona="staff_lt", record=lambda w: BUILDERS[Target](None)),
    Case(
        "standards:indicator_edit",
        persona="staff_lt",
        record=lambda w: BUILDERS[Indicator](w.unions["A"]),
    ),
    Case(
        "standards:scheme_grades",
        persona="staff_lt",
        record=lambda w: BUILDERS[Scheme](w.unions["A"]),
    ),
    Case(
        "standards:scheme_points",
        persona="staff_lt",
        record=lambda w: BUILDERS[Scheme](w.unions["A"]),
    ),
    Case(
        "standards:survey_create",
        valid=lambda w: {
            "period": _period("测评").pk,
            "union": w.unions["A"].pk,
            "opens_on": "2026-03-01",
            "closes_on": "2026-03-31",
        },
    ),
    Case(
        "standards:veto_create",
        persona="staff_lt",
        valid=lambda w: {
            "period": period_of(w).pk,
            "union": w.unions["A"].pk,
            "veto_item": period_of(w).scheme.veto_items.get().pk,
            "occurred_on": "2026-03-01",
            "note": "事故经过",
        },
    ),
    Case(
        "standards:assessment_start",
        valid=lambda w: {"period": _period("自查").pk, "union": w.unions["A"].pk},
    ),
    Case("standards:self_inspection", record=assessment_in("draft")),
    Case(
        "standards:inspection",
        persona="cadre_a",
        record=assessment_in("submitted"),
        fill=lambda form: {
            name: "3" if name.startswith("points_") else "依据会议记录"
            for name in form.fields
            if name.startswith(("points_", "reason_"))
        },
    ),
    Case(
        "standards:self_inspection_return",
        persona="cadre_a",
        record=assessment_in("submitted"),
        fresh=True,
        valid=lambda w: {"comment": "请补充会议记录"},
    ),
    Case(
        "standards:decision",
        persona="staff_lt",
        record=assessment_in("inspected"),
        fresh=True,
        valid=lambda w: {"decision": "approve"},
    ),
]


def test_hostile_input_in_the_standards_forms(client, world):
    assert_no_problems(walked(client, world, STANDARDS_CASES))


# --- reports: the monthly report, its review, the Excel report --------------------------------

_months = itertools.count()


def submitted_report(world):
    n = next(_months)
    month = datetime.date(2025 - n // 12, 12 - n % 12, 1)
    return MonthlyReport.objects.create(
        union=world.unions["A"], month=month, status="submitted", work_done="工作"
    )


REPORT_CASES = [
    Case("reports:monthly_fill", url=lambda w, r: reverse("reports:monthly_fill")),
    Case(
        "reports:monthly_review",
        persona="staff_lt",
        record=submitted_report,
        fresh=True,
        valid=lambda w: {"decision": "accept"},
    ),
    Case("reports:exports", persona="staff_lt"),
]


def test_hostile_input_in_the_report_forms(client, world):
    assert_no_problems(walked(client, world, REPORT_CASES))


# --- public pages: joining and the survey, as a visitor ---------------------------------------


def survey_answerer(world):
    member = enrol(world.unions["A"], name=fresh("答卷人"))
    return {"name": member.name, "id_last6": member.id_number[-6:], "answer": "satisfied"}


PUBLIC_CASES = [
    Case(
        "join",
        persona=None,
        url=lambda w, r: reverse("join", args=[union_join_code(union=w.unions["A"])]),
        valid=lambda w: {
            "name": fresh("申请入会"),
            "id_number": id_number(),
            "phone": "13800000000",
        },
        kinds={"id_number": "id_number", "phone": "phone"},
        whole=True,
    ),
    Case(
        "survey",
        persona=None,
        url=lambda w, r: reverse("survey", args=[open_survey(w).code]),
        valid=survey_answerer,
    ),
]


def test_hostile_input_in_the_public_pages(client, world):
    assert_no_problems(walked(client, world, PUBLIC_CASES))


def test_the_corpus_has_at_least_a_hundred_inputs():
    from ..hostile import corpus

    inputs = {
        h.value
        for kind in (
            corpus.TEXT,
            corpus.DATES,
            corpus.NUMBERS,
            corpus.CHOICES,
            corpus.ID_NUMBERS,
            corpus.CODES,
            corpus.PHONES,
        )
        for h in kind
    }
    assert len(inputs) >= 100


# --- the roster import: hostile workbooks, and files that are no workbook ---------------------

NOT_WORKBOOKS = [
    ("名册.xlsx", "名,身份证号\n张三,210203199005031237\n".encode(), "a CSV file renamed"),
    ("名册.xlsx", b"<html><table><tr><td>\xe5\xbc\xa0</td></tr></table></html>", "HTML renamed"),
    ("名册.xlsx", b"PK\x03\x04" + b"\x00" * 64, "a broken zip"),
    ("名册.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "an old .xls"),
    ("名册.xlsx", b"", "an empty file"),
]


def formula(cell_text):
    return ("formula", cell_text)


def as_text(cell_text):
    """A cell of text that looks like a formula (openpyxl would write it as one)."""
    return ("text", cell_text)


# (name, ID number, joined on, unit, enterprise, phone, migrant worker), and whether the row
# must be a problem. None: a fresh valid ID number.
HOSTILE_ROWS = [
    (("<script>alert(1)</script>", None, "2026-02-01", "", "", "", "是"), False),
    (('"><img src=x onerror=alert(1)>', None, "2026-02-01", "", "", "", "是"), False),
    ((as_text("=cmd|' /C calc'!A0"), None, "2026-02-01", "", "", "", "否"), False),
    ((as_text("@SUM(1+1)"), None, "2026-02-01", "", "", "", "否"), False),
    (
        (formula('=HYPERLINK("http://evil.example","点我")'), None, "2026-02-01", "", "", "", ""),
        True,
    ),
    (("{{7*7}}", None, "2026-02-01", "", "", "", "否"), False),
    (("工会😀👨‍👩‍👧‍👦", None, "2026-02-01", "", "", "", "否"), False),
    (("\u202egnp.exe", None, "2026-02-01", "", "", "", "否"), False),
    (("长" * 10_000, None, "2026-02-01", "", "", "", "否"), True),
    (("   ", None, "2026-02-01", "", "", "", "否"), True),
    ((12345, None, "2026-02-01", "", "", "", "否"), False),  # a number for a name
    (("甲", 2.10203199005031e17, "2026-02-01", "", "", "", "否"), True),  # stored as a number
    (("乙", "٢١٠٢٠٣١٩٩٠٠٥٠٣١٠٠X", "2026-02-01", "", "", "", "否"), True),
    (("丙", "' OR 1=1 --", "2026-02-01", "", "", "", "否"), True),
    (("丁", None, "2026-02-30", "", "", "", "否"), True),
    (("戊", None, datetime.date(9999, 12, 31), "", "", "", "否"), True),
    (("己", None, "0001-01-01", "", "", "", "否"), True),
    (("庚", None, "2026-02-01", "' OR 1=1 --", "", "", "否"), True),
    (("辛", None, "2026-02-01", "", "../../etc/passwd", "", "否"), True),
    (("壬", None, "2026-02-01", "", "", "13٨٠٠١٣٨٠٠٠", "否"), True),
    (("癸", None, "2026-02-01", "", "", "", "<script>"), True),
    (("子", None, "2026-02-01", "", "", "", True), False),  # a boolean for 是/否
]


def hostile_workbook(name="<script>名册</script>.xlsx"):
    """HOSTILE_ROWS as an officer's workbook: text, formulas and wrong types as typed."""
    from openpyxl import Workbook

    from ..rosters import HEADER

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for values, _problem in HOSTILE_ROWS:
        values = [id_number() if i == 1 and v is None else v for i, v in enumerate(values)]
        sheet.append([v[1] if isinstance(v, tuple) else v for v in values])
        for column, value in enumerate(values, start=1):
            if isinstance(value, tuple) and value[0] == "text":
                sheet.cell(row=sheet.max_row, column=column).data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def with_control_characters(xml: bytes) -> bytes:
    """XML may hold no control characters: a sheet that has them is damaged."""
    assert "<t>会员</t>".encode() in xml
    return xml.replace("<t>会员</t>".encode(), "<t>会\x07\x1b\x00员</t>".encode(), 1)


def test_hostile_workbooks_through_the_roster_import(client, world):
    from unions.models import Member, RosterImport

    from ..rosters import with_sheet_xml, workbook_file

    tally = Tally()
    client.force_login(world.users["officer_a"])
    url = reverse("unions:roster_upload")
    union = world.unions["A"]
    damaged = with_sheet_xml(
        workbook_file([("会员", id_number(), "2026-02-01", "", "", "", "是")]),
        with_control_characters,
    )
    files = [(SimpleUploadedFile(n, c), why) for n, c, why in NOT_WORKBOOKS]
    files.append((damaged, "control characters and NUL in the sheet's XML"))
    for upload, why in files:
        tally.inputs.add(why)
        tally.submissions += 1
        before = table_counts()
        response = client.post(url, {"union": union.pk, "file": upload})
        form = response.context["form"] if response.context else None
        if response.status_code != 200 or form is None or not form.errors.get("file"):
            tally.problems.append(f"roster: {why}: not refused on the file field")
            continue
        tally.refused += 1
        messages = form.errors["file"]
        if not all(CJK.search(m) for m in messages):
            tally.problems.append(f"roster: {why}: not in Chinese: {messages}")
        if table_counts() != before:
            tally.problems.append(f"roster: {why}: refused, yet rows changed")

    members_before = Member.objects.count()
    tally.submissions += 1
    response = client.post(url, {"union": union.pk, "file": hostile_workbook()})
    assert response.status_code == 302, response.content.decode()[:2000]
    roster = RosterImport.objects.latest("pk")
    page = client.get(roster.get_absolute_url()).content.decode()
    raw = [value for value in MARKUP if value in page]
    if raw:
        tally.problems.append(f"roster: the findings page shows raw markup: {raw}")
    problem_rows = {problem["row"] for problem in roster.problems}
    for number, (values, must_be_a_problem) in enumerate(HOSTILE_ROWS, start=2):
        tally.inputs.add(repr(values))
        if must_be_a_problem and number not in problem_rows:
            tally.problems.append(f"roster: row {number} {values!r:.60} was not refused")
    tally.submissions += 1
    client.post(roster.get_absolute_url())  # confirm: the valid rows are imported
    imported = Member.objects.count() - members_before
    expected = sum(1 for _v, problem in HOSTILE_ROWS if not problem)
    if imported != expected:
        tally.problems.append(f"roster: {imported} members imported, not {expected}")
    tally.taken += imported
    names = set(Member.objects.values_list("name", flat=True))
    for values, problem in HOSTILE_ROWS:
        name = values[0][1] if isinstance(values[0], tuple) else str(values[0])
        if not problem and normalize_text(name) not in names:
            tally.problems.append(f"roster: {name!r} was not stored as typed")
    for page_name in ("unions:member_list", "unions:roster_upload"):
        text = client.get(reverse(page_name)).content.decode()
        raw = [value for value in MARKUP if value in text]
        if raw:
            tally.problems.append(f"roster: {page_name} shows raw markup: {raw}")
    everything_still_works(client, world, tally)
    TOTAL.merge(tally)
    assert_no_problems(tally)


# --- query strings: the corpus in the lists' search and filters -------------------------------

LISTS = [
    name
    for name, pattern in ROUTES
    if not pattern.pattern.converters
    and isinstance(getattr(pattern.callback, "view_class", None), type)
    and issubclass(pattern.callback.view_class, ScopedListView)
]
QUERY_INPUTS = [
    h.value
    for h in TEXT
    if "<" in h.value or h.value in ("{{7*7}}", "%(name)s", "' OR '1'='1", "名字\x00后缀", LONG)
]
QUERY_NAMES = ("q", "sort", "page", "union", "status", "month", "industry_union", "cadre")


def test_hostile_query_strings_change_nothing_and_show_nothing_raw(client, world):
    tally = Tally()
    client.force_login(world.users["superuser"])  # (who reaches every branch of a page)
    for name in [*LISTS, "reports:dashboard", "home"]:
        for value in QUERY_INPUTS:
            tally.inputs.add(value)
            tally.submissions += 1
            before = table_counts()
            response = client.get(reverse(name), dict.fromkeys(QUERY_NAMES, value))
            if response.status_code >= 500:
                tally.problems.append(f"{name}?…={value[:30]!r}: a server error")
                continue
            page = response.content.decode()
            if "<" in value and value in page:
                tally.problems.append(f"{name}?…={value[:30]!r}: shown raw")
            if table_counts() != before:
                tally.problems.append(f"{name}?…={value[:30]!r}: a GET wrote")
    TOTAL.merge(tally)
    assert_no_problems(tally)


# --- the same form sent twice, actions on records that moved on, duplicates -------------------


def test_a_create_form_sent_twice_with_its_token_saves_once(client, world):
    """A double click, a resend after a timeout: the second submit of the same form (the same
    token) creates nothing and leads to what the first saved."""
    tally = Tally()
    walker = Walker(client, world)
    cases = [c for c in UNION_CASES + CONTRACT_CASES + STANDARDS_CASES if c.record is None]
    for case in cases:
        walker.login(case.persona)
        url, data, form = walker.open(case, None)
        if "submission_token" not in data:
            continue
        data.update(walker.valid_values(case, form))
        first = client.post(url, data)
        assert first.status_code == 302, f"{case}: {first.context['form'].errors}"
        before = table_counts()
        second = client.post(url, data)
        tally.submissions += 2
        tally.taken += 1
        if second.status_code != 302 or second["Location"] != first["Location"]:
            tally.problems.append(f"{case}: the second submit answered {second.status_code}")
        if table_counts() != before:
            tally.problems.append(f"{case}: the second submit wrote")
    assert tally.submissions >= 2 * 10
    TOTAL.merge(tally)
    assert_no_problems(tally)


STALE_ACTIONS = [
    # (a case acting once on a record; the values of its first, valid, submission)
    next(c for c in UNION_CASES if c.route == "unions:member_leave"),
    next(c for c in UNION_CASES if c.route == "unions:transfer_decide"),
    next(c for c in UNION_CASES if c.route == "unions:application_decide"),
    next(c for c in STANDARDS_CASES if c.route == "standards:decision"),
    next(c for c in STANDARDS_CASES if c.route == "standards:self_inspection_return"),
    next(c for c in REPORT_CASES if c.route == "reports:monthly_review"),
]


def test_an_action_sent_again_after_the_record_moved_on_changes_nothing(client, world):
    """A form left open in a second tab: the record was decided (left, accepted) meanwhile. The
    old form, sent again, is refused in Chinese, or goes nowhere, and writes nothing."""
    tally = Tally()
    walker = Walker(client, world)
    for case in STALE_ACTIONS:
        walker.login(case.persona)
        record = case.record(world)
        url, data, form = walker.open(case, record)
        data.update(walker.valid_values(case, form))
        first = client.post(url, data)
        assert first.status_code == 302, f"{case}: {first.context['form'].errors}"
        before, values = table_counts(), model_to_dict(type(record).objects.get(pk=record.pk))
        again = client.post(url, data)
        tally.submissions += 2
        form = again.context.get("form") if again.context else None
        refused = form is not None and form.errors
        if again.status_code >= 500:
            tally.problems.append(f"{case}: sent again, a server error")
        elif refused:
            tally.refused += 1
            messages = [m for errors in form.errors.values() for m in errors]
            if not all(CJK.search(m) for m in messages):
                tally.problems.append(f"{case}: sent again, refused in English: {messages}")
        elif again.status_code not in (302, 403, 404):
            tally.problems.append(f"{case}: sent again, answered {again.status_code}")
        if table_counts() != before:
            tally.problems.append(f"{case}: sent again, rows changed")
        if model_to_dict(type(record).objects.get(pk=record.pk)) != values:
            tally.problems.append(f"{case}: sent again, the record changed")
    TOTAL.merge(tally)
    assert_no_problems(tally)


def test_a_duplicate_of_a_record_is_refused_next_to_the_field(client, world):
    """The same enterprise (credit code, name), the same person (ID number), the same unit
    under one union: refused where the duplicate is, in Chinese, nothing written."""
    tally = Tally()
    walker = Walker(client, world)
    enterprise = enterprise_of(world)
    member = member_of(world)
    sibling = world.deepest["A"].parent
    duplicates = [
        ("unions:enterprise_create", "credit_code", {"credit_code": enterprise.credit_code}),
        ("unions:enterprise_create", "name", {"name": enterprise.name}),
        ("unions:member_create", "id_number", {"id_number": member.id_number}),
        ("unions:union_create", "name", {"name": sibling.name}),
    ]
    for route, field_name, values in duplicates:
        case = next(c for c in UNION_CASES if c.route == route)
        walker.login(case.persona)
        url, data, form = walker.open(case, None)
        data.update(walker.valid_values(case, form))
        data.update({k: [v] for k, v in values.items()})
        before = table_counts()
        response = client.post(url, data)
        tally.submissions += 1
        form = response.context.get("form") if response.context else None
        errors = form.errors.get(field_name) if form is not None else None
        if not errors:
            tally.problems.append(f"{route}: a duplicate {field_name} was not refused on it")
        elif not all(CJK.search(m) for m in errors):
            tally.problems.append(f"{route}: refused in English: {errors}")
        else:
            tally.refused += 1
        if table_counts() != before:
            tally.problems.append(f"{route}: a duplicate {field_name}: rows changed")
    TOTAL.merge(tally)
    assert_no_problems(tally)


# --- uploaded documents: a contract's signed scan, a self-inspection's evidence ---------------

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
# (file name, content, whether it must be refused)
HOSTILE_FILES = [
    ("扫描件.pdf", b"<html><script>alert(1)</script></html>", True),  # HTML named .pdf
    ("扫描件.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', True),
    ("扫描件.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', True),
    ("扫描件.html", b"<script>alert(1)</script>", True),
    ("扫描件.exe", b"MZ\x90\x00", True),
    ("扫描件.pdf.exe", PDF, True),
    ("扫描件", PDF, True),  # no extension
    ("扫描件.pdf", b"", True),  # empty
    ("../../etc/passwd.pdf", PDF, False),  # a path in the name
    ("<script>alert(1)</script>.pdf", PDF, False),
    ("扫描件\x00.png", PNG, False),  # a NUL in the name
    ("扫描件.png", PNG + b"<script>alert(1)</script>", False),  # a PNG with markup after it
]


def test_hostile_files_as_a_scan_and_as_evidence(client, world):
    """A file is taken by what is in it, stored under a name of the portal's own, and served
    as what it is (no sniffing it into a page); anything else is refused on the file field."""
    tally = Tally()
    client.force_login(world.users["officer_a"])
    contract = contract_in(world)
    assessment = assessment_in("draft")(world)
    walker = Walker(client, world)
    for route, record, field_name in (
        ("contracts:edit", contract, "signed_scan"),
        ("standards:self_inspection", assessment, None),
    ):
        case = Case(route, record=lambda w, r=record: r)
        for name, content, must_refuse in HOSTILE_FILES:
            url, data, form = walker.open(case, record)  # (again after each save)
            files = [n for n in form.fields if n == field_name or n.startswith("evidence_file")]
            field_name = files[0]
            tally.inputs.add(name)
            tally.submissions += 1
            before, values = table_counts(), model_to_dict(type(record).objects.get(pk=record.pk))
            upload = SimpleUploadedFile(name, content)
            response = client.post(url, {**data, field_name: upload})
            answer = response.context.get("form") if response.context else None
            what = f"{route}: {name!r}"
            if answer is not None and answer.errors:
                tally.refused += 1
                messages = answer.errors.get(field_name, [])
                if not messages or not all(CJK.search(m) for m in messages):
                    tally.problems.append(f"{what}: refused, not on the field in Chinese")
                if (
                    table_counts() != before
                    or model_to_dict(type(record).objects.get(pk=record.pk)) != values
                ):
                    tally.problems.append(f"{what}: refused, yet written")
                continue
            tally.taken += 1
            if must_refuse:
                tally.problems.append(f"{what}: taken, but it must be refused")
            stored = (
                CollectiveContract.objects.get(pk=contract.pk).signed_scan
                if route == "contracts:edit"
                else AssessmentScore.objects.get(assessment=assessment).evidence_file
            )
            if ".." in stored.name or "<" in stored.name or "\x00" in stored.name:
                tally.problems.append(f"{what}: stored as {stored.name!r}")
            served = client.get(
                reverse("contracts:scan", args=[contract.pk])
                if route == "contracts:edit"
                else reverse("standards:evidence", args=[assessment.scores.get().pk])
            )
            served_type = served.get("Content-Type", "")
            if served_type not in ("application/pdf", "image/png"):
                tally.problems.append(f"{what}: served as {served_type!r}")
            if served.get("X-Content-Type-Options") != "nosniff":
                tally.problems.append(f"{what}: served without nosniff")
    TOTAL.merge(tally)
    assert_no_problems(tally)
