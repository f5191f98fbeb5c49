"""How to build one record of each scoped model inside a given union, for the view walk.

When an app adds a model that a view shows, it registers a builder: `@builds(Model)` on a
function `(union) -> instance`, here for the portal's first apps, in the module its portal.py
names as WALK_BUILDERS for any other (tests/example_app/builders.py). The walk in
tests/portal/test_view_walk.py fails, naming the model, for a view whose model has none.
"""

import datetime
import io
import itertools

from django.core.files.base import ContentFile

from cohesion_portal import plugins
from contracts.models import (
    CollectiveContract,
    CongressSystem,
    Disclosure,
    NegotiationOffer,
    PerformanceCheck,
)
from contracts.services import contract_save
from reminders.models import Reminder
from reports.models import MonthlyExport, MonthlyReport
from standards.models import (
    Assessment,
    AssessmentScore,
    Indicator,
    Period,
    Plan,
    Scheme,
    Scorecard,
    ScoringRun,
    Survey,
    Target,
)
from unions.models import Enterprise, JoinApplication, Member, RosterImport, Transfer, Union
from unions.services import roster_upload

from .factories import EnterpriseFactory, enrol, id_number
from .rosters import workbook_file

BUILDERS = {}


def builds(model):
    def register(function):
        BUILDERS[model] = function
        return function

    return register


@builds(Union)
def union_itself(union):
    return union


@builds(Enterprise)
def enterprise_in(union):
    return EnterpriseFactory(union=union, name=f"{union.name}·企业")


@builds(Member)
def member_in(union):
    return enrol(union, name=f"{union.name}·会员")


@builds(Transfer)
def transfer_in(union):
    # A transfer within one union's tree: not a real case (the service refuses it), but one
    # that belongs to one union only, so the walk knows whose it is.
    member = enrol(union, name=f"{union.name}·转会会员")
    return Transfer.objects.create(
        member=member, from_union=union, to_union=union, requested_by=member_requester()
    )


def member_requester():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get_or_create(username="transfer-requester")[0]


@builds(RosterImport)
def roster_for(union):
    rows = [("导入会员", id_number(), "2026-01-05", "", "", "", "是")]
    return roster_upload(
        actor=member_requester(),
        union=union,
        uploaded=workbook_file(rows, name=f"{union.name}.xlsx"),
    )


@builds(JoinApplication)
def application_to(union):
    return JoinApplication.objects.create(
        union=union, name=f"{union.name}·申请人", id_number=id_number(), phone="13800000000"
    )


@builds(CollectiveContract)
def contract_of(union):
    enterprise = EnterpriseFactory(union=union, name=f"{union.name}·合同企业")
    contract = CollectiveContract(
        union=union,
        kind="wage",
        title=f"{union.name}·工资专项合同",
        employer_party="企业方",
        signed_on=datetime.date(2025, 12, 20),
        effective_from=datetime.date(2026, 1, 1),
        effective_to=datetime.date(2027, 12, 31),
        signed_scan=ContentFile(b"%PDF-1.4\n%%EOF\n", name="scan.pdf"),
    )
    return contract_save(actor=None, contract=contract, enterprises=[enterprise])


@builds(PerformanceCheck)
def performance_check_of(union):
    from contracts.services import performance_check_save

    check = PerformanceCheck(
        contract=contract_of(union),
        year=2026,
        checked_on=datetime.date(2026, 6, 30),
        clauses_kept="all",
    )
    return performance_check_save(actor=None, check=check)


@builds(Disclosure)
def disclosure_of(union):
    from contracts.services import disclosure_save

    disclosure = Disclosure(
        union=union,
        enterprise=EnterpriseFactory(union=union, name=f"{union.name}·公开企业"),
        topic="wages",
        title=f"{union.name}·工资调整公开",
        disclosed_on=datetime.date(2026, 3, 1),
        channel="board",
        content="年度工资调整方案",
    )
    return disclosure_save(actor=None, disclosure=disclosure)


@builds(Reminder)
def reminder_for(union):
    return Reminder.objects.create(
        union=union,
        kind="contracts.offer_unanswered",
        key=f"walk:{union.pk}",
        subject=f"{union.name}·提醒",
        url="/",
    )


@builds(NegotiationOffer)
def offer_of(union):
    from contracts.services import offer_save

    enterprise = EnterpriseFactory(union=union, name=f"{union.name}·要约企业")
    return offer_save(
        actor=None,
        offer=NegotiationOffer(
            union=union,
            enterprise=enterprise,
            subject=f"{union.name}·工资集体协商要约",
            sent_on=datetime.date(2026, 1, 5),
        ),
    )


@builds(CongressSystem)
def congress_of(union):
    from contracts.services import congress_save

    enterprise = EnterpriseFactory(union=union, name=f"{union.name}·职代会企业")
    return congress_save(
        actor=None,
        congress=CongressSystem(
            union=union,
            level="enterprise",
            name=f"{union.name}·职代会",
            established_on=datetime.date(2020, 1, 1),
        ),
        enterprises=[enterprise],
    )


# --- standards: shared rows (plans, schemes, periods) and the union's own ---------------------
# Shared rows are seen by every role: their names must not carry a union's name (the walk
# would take them for a leak).

_shared = itertools.count(1)


def _scheme(label):
    label = f"共用{next(_shared)}"
    from standards.models import Scheme

    scheme = Scheme.objects.create(name=f"{label}·考核标准")
    dimension = scheme.dimensions.create(code="org", name="组织建设好", weight=100)
    dimension.indicators.create(code="a", name="会员大会", max_points=100, method="assessed")
    return scheme


def _period(label):
    from standards.models import Period

    label = f"共用{next(_shared)}"
    return Period.objects.create(
        name=f"{label}·周期",
        scheme=_scheme(label),
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )


@builds(Plan)
def plan_for(union):
    plan = Plan.objects.create(
        name=f"工作方案{next(_shared)}",
        issued_by="产业工会",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    plan.targets.create(
        code="T2",
        title="集体合同覆盖率",
        metric="contracts.coverage",
        value=93,
        deadline=datetime.date(2026, 12, 31),
    )
    return plan


@builds(Target)
def target_for(union):
    return plan_for(union).targets.get()


@builds(Scheme)
def scheme_for(union):
    return _scheme(union.name)


@builds(Indicator)
def indicator_for(union):
    return _scheme(union.name).dimensions.get().indicators.get()


@builds(Period)
def period_for(union):
    return _period(union.name)


@builds(ScoringRun)
def run_for(union):
    return ScoringRun.objects.create(period=_period(f"{union.name}·计算"))


@builds(Scorecard)
def scorecard_of(union):
    from django.utils import timezone

    return Scorecard.objects.create(
        period=_period(f"{union.name}·评分"),
        union=union,
        total=80,
        grade="AA",
        trusted_home=False,
        computed_at=timezone.now(),
    )


@builds(Assessment)
def assessment_of(union):
    period = _period(f"{union.name}·考核")
    assessment = Assessment.objects.create(period=period, union=union, status="submitted")
    AssessmentScore.objects.create(
        assessment=assessment,
        indicator=period.scheme.dimensions.get().indicators.get(),
        self_evidence="会议记录",
    )
    return assessment


@builds(AssessmentScore)
def evidence_of(union):
    score = assessment_of(union).scores.get()
    score.evidence_file = ContentFile(b"%PDF-1.4\n%%EOF\n", name="evidence.pdf")
    score.save()
    return score


@builds(Survey)
def survey_of(union):
    return Survey.objects.create(
        period=_period(f"{union.name}·测评"),
        union=union,
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 3, 31),
    )


_export_months = itertools.count()


@builds(MonthlyExport)
def industry_export_of(union):
    """The monthly job's report for the union's whole industry union (the walk checks it with
    INDUSTRY_WIDE: a report someone asked for is theirs alone, tests/reports/test_exports.py)."""
    from openpyxl import Workbook

    export = MonthlyExport(
        # (one per industry union and month: A's and C's are the same industry union's)
        month=datetime.date(2000 + next(_export_months), 1, 1),
        industry_union=union.industry_union,
        scope_label=f"{union.name}·月度报表",
        status="done",
    )
    workbook, stream = Workbook(), io.BytesIO()
    workbook.active.append([export.scope_label])
    workbook.save(stream)
    export.file.save("report.xlsx", ContentFile(stream.getvalue()))
    return export


@builds(MonthlyReport)
def monthly_report_of(union):
    """The submitted monthly report (月报) of the grassroots union at the top of `union`'s tree
    (a report belongs to a grassroots union; the walk hands builders the lowest group)."""
    grassroots = Union.objects.get(pk=union.grassroots_id)
    return MonthlyReport.objects.create(
        union=grassroots,
        month=datetime.date(2026, 9, 1),
        status="submitted",
        work_done=f"{grassroots.name}·九月工作",
        figures={"unions.members": 3},
    )


def build_records(world):
    """{label: [every record of that union's tree: its units, and one record of each scoped
    model in its lowest group]}; the first record of each model is the one pages are asked for."""
    records = {}
    for label in ("A", "B", "C"):
        units = list(Union.objects.subtree_of(world.unions[label]))
        built = {model: builder(world.deepest[label]) for model, builder in BUILDERS.items()}
        records[label] = {"units": units, "built": built}
    return records


# The builders of the apps that bring their own (WALK_BUILDERS in their portal.py): importing
# their modules registers them through @builds above.
plugins.declared_modules("WALK_BUILDERS")
