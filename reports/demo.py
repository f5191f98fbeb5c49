"""Demo monthly progress reports (月报): a year of them for every grassroots union, most accepted,
some waiting for review, a few returned, and some of last month's missing; a few of this
month's begun. Figures come from the demo records through the registry's all-unions functions
(a fixed number of queries a month), rows are bulk-inserted, and each report's history holds
its steps (begun, submitted, returned, accepted), as the services would have left it."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cohesion_portal import monthly_figures
from cohesion_portal.dates import previous_month
from unions.models import RoleKind, Union, UnionStatus

from .models import MonthlyReport
from .models import MonthlyReportStatus as Status
from .services.monthly import due_date, monthly_reminders_send

MONTHS = 12  # before this one
BATCH = 2000
# Last month's reports, by where they stand (the rest are missing).
LAST_MONTH = [
    (Status.ACCEPTED, 0.45),
    (Status.SUBMITTED, 0.25),
    (Status.RETURNED, 0.05),
    (Status.DRAFT, 0.08),
]
# Earlier months: nearly all accepted.
EARLIER = [(Status.ACCEPTED, 0.95), (Status.SUBMITTED, 0.02), (Status.RETURNED, 0.01)]
RETURNED_BEFORE_ACCEPTED = 0.08

WORK = [
    "召开工会委员会会议，研究部署本月重点工作；",
    "开展新职工入会宣传，发展新会员；",
    "组织职工参加安全生产知识竞赛；",
    "走访困难职工家庭，送去慰问金和慰问品；",
    "召开工资集体协商会议，就年度工资调整进行协商；",
    "通过厂务公开栏公开职工福利发放情况；",
    "举办职工读书分享会和书法摄影展；",
    "开展“送清凉”活动，慰问一线职工；",
    "组织职工健康体检；",
    "开展女职工权益保护专项宣传；",
]
PROBLEMS = [
    "部分新生代农民工流动性大，入会后联系不稳定。",
    "企业生产任务重，活动时间难以保证。",
    "工会经费紧张，帮扶资金不足。",
    "部分车间分会台账不够规范。",
    "",
]
PLANS = [
    "继续开展入会宣传，重点发展新生代农民工入会。",
    "筹备职工代表大会，完善厂务公开内容。",
    "开展劳动竞赛和技术比武。",
    "做好困难职工动态档案更新。",
    "组织职工文体活动。",
]
RETURN_COMMENTS = [
    "请补充本月新会员发展的具体情况。",
    "工作内容过于笼统，请具体说明活动时间和参加人数。",
    "请说明困难职工帮扶的具体措施。",
]


def extend_demo(*, builder) -> dict:
    """Called by unions.demo.DemoBuilder once the other apps' records exist."""
    rng, today = builder.rng, builder.today
    unions = list(
        Union.objects.filter(parent__isnull=True, status=UnionStatus.ACTIVE)
        .order_by("pk")
        .values_list("pk", "industry_union_id")
    )
    union_ids = [pk for pk, _industry in unions]
    officers, staff = _accounts()
    last = previous_month(today)
    months = [last]
    for _n in range(MONTHS - 1):
        months.append(previous_month(months[-1]))
    reports, steps = [], []
    recent = previous_month(previous_month(last))
    for month in sorted(months):
        figures = monthly_figures.collect_all(month, union_ids, today)
        for union_id, industry_id in unions:
            status = _draw(rng, LAST_MONTH if month == last else EARLIER)
            if status is None:
                continue
            report, chain = _report(rng, month, union_id, status, officers, staff, industry_id)
            report.figures = figures[union_id]
            reports.append(report)
            # Every step of the last three months' reports (the ones people open); one
            # history row, as the record stands, for older ones (as other demo modules do).
            steps.append(chain if month >= recent else chain[-1:])
    this_month = today.replace(day=1)
    if today.day >= 20:  # the month's report begun by some, sent early by a few
        figures = monthly_figures.collect_all(this_month, union_ids, today)
        for union_id, industry_id in unions:
            status = _draw(rng, [(Status.SUBMITTED, 0.05), (Status.DRAFT, 0.25)])
            if status is None:
                continue
            report, chain = _report(rng, this_month, union_id, status, officers, staff, industry_id)
            report.figures = figures[union_id]
            reports.append(report)
            steps.append(chain)
    for start in range(0, len(reports), BATCH):
        batch = reports[start : start + BATCH]
        created = MonthlyReport.objects.bulk_create(batch)
        if any(report.pk is None for report in created):
            raise RuntimeError("The database did not return ids from bulk_create.")
        _history(created, steps[start : start + BATCH])
    return {"monthly_reports": len(reports)}


def _accounts():
    """{union id: its demo officer} and {industry union id: its demo staff member}."""
    from unions.models import Role

    officers, staff = {}, {}
    roles = Role.objects.filter(
        kind__in=[RoleKind.GRASSROOTS_OFFICER, RoleKind.INDUSTRY_STAFF]
    ).values_list("kind", "union_id", "industry_union_id", "user_id")
    for kind, union_id, industry_id, user_id in roles:
        if kind == RoleKind.GRASSROOTS_OFFICER:
            officers.setdefault(union_id, user_id)
        else:
            staff.setdefault(industry_id, user_id)
    return officers, staff


def _draw(rng, shares):
    draw, total = rng.random(), 0.0
    for status, share in shares:
        total += share
        if draw < total:
            return status
    return None


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _report(rng, month, union_id, status, officers, staff, industry_id):
    """A report and its steps [(status, when, who)] up to `status`."""
    officer, reviewer = officers.get(union_id), staff.get(industry_id)
    begun = _moment(month + datetime.timedelta(days=rng.randint(19, 26)), rng.randint(9, 16))
    # Most are sent by the 5th; some a few days late.
    sent_day = due_date(month) + datetime.timedelta(days=rng.randint(-10, 4))
    sent = max(begun + datetime.timedelta(hours=2), _moment(sent_day, rng.randint(9, 17)))
    reviewed = sent + datetime.timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 5))
    # Nothing happens after now: a step that would lies in the last hour.
    now = timezone.now() - datetime.timedelta(hours=1)
    begun, sent, reviewed = (min(moment, now) for moment in (begun, sent, reviewed))
    report = MonthlyReport(
        union_id=union_id,
        month=month,
        status=status,
        work_done="".join(rng.sample(WORK, rng.randint(2, 4))).rstrip("；") + "。",
        problems=rng.choice(PROBLEMS),
        next_month=rng.choice(PLANS),
    )
    chain = [(Status.DRAFT, begun, officer)]
    if status == Status.DRAFT:
        report.version = len(chain)
        return report, chain
    if status == Status.ACCEPTED and rng.random() < RETURNED_BEFORE_ACCEPTED:
        comment = rng.choice(RETURN_COMMENTS)
        chain += [(Status.SUBMITTED, sent, officer), (Status.RETURNED, reviewed, reviewer, comment)]
        sent = min(now, reviewed + datetime.timedelta(days=rng.randint(1, 3)))
        reviewed = min(now, sent + datetime.timedelta(days=rng.randint(1, 3)))
    chain.append((Status.SUBMITTED, sent, officer))
    report.submitted_at, report.submitted_by_id = sent, officer
    if status in (Status.RETURNED, Status.ACCEPTED):
        comment = rng.choice(RETURN_COMMENTS) if status == Status.RETURNED else ""
        chain.append((status, reviewed, reviewer, comment))
        report.reviewed_at, report.reviewed_by_id = reviewed, reviewer
        report.review_comment = comment
    report.version = len(chain)  # one save per step, as the history below tells
    return report, chain


def _history(reports, chains) -> None:
    """Each report's steps as simple-history rows, the last one matching the report."""
    History = MonthlyReport.history.model
    rows = []
    for report, chain in zip(reports, chains, strict=True):
        submitted_at = submitted_by = reviewed_at = reviewed_by = None
        comment = ""
        for index, (status, at, who, *rest) in enumerate(chain):
            if status == Status.SUBMITTED:
                submitted_at, submitted_by = at, who
            elif status in (Status.RETURNED, Status.ACCEPTED):
                reviewed_at, reviewed_by, comment = at, who, rest[0] if rest else ""
            rows.append(
                History(
                    id=report.pk,
                    union_id=report.union_id,
                    month=report.month,
                    status=status,
                    figures=report.figures,
                    work_done=report.work_done,
                    problems=report.problems,
                    next_month=report.next_month,
                    submitted_at=submitted_at,
                    submitted_by_id=submitted_by,
                    reviewed_at=reviewed_at,
                    reviewed_by_id=reviewed_by,
                    review_comment=comment,
                    created_at=report.created_at,
                    updated_at=report.updated_at,
                    history_date=at,
                    history_type="+" if index == 0 else "~",
                    history_user_id=who,
                    version=index + 1,
                )
            )
    History.objects.bulk_create(rows, batch_size=BATCH)


def finish_demo(*, builder) -> dict:
    """Once every app's records exist and are scored: last month's Excel report for each
    industry union, as the job on the 1st makes it (produced here, not queued, so the demo has
    its files whether or not a worker runs)."""
    from unions.models import IndustryUnion

    from .models import MonthlyExport
    from .services.exports import produce

    month = previous_month(builder.today)
    for industry in IndustryUnion.objects.order_by("pk"):
        export = MonthlyExport.objects.create(
            month=month, industry_union=industry, scope_label=industry.name
        )
        produce(export.pk)
    return {
        "monthly_excel_reports": IndustryUnion.objects.count(),
        "monthly_reports_asked_for": _ask_for_missing_reports(previous_month(month), builder),
    }


def _ask_for_missing_reports(month, builder) -> int:
    """Each industry union's staff have asked for the reports of the month before last that
    never came (the reminders of an earlier month: the daily rules follow the last month)."""
    _officers, staff = _accounts()
    User = get_user_model()
    asked = 0
    for user_id in sorted(staff.values()):
        actor = User.objects.get(pk=user_id)
        asked += monthly_reminders_send(actor=actor, month=month, today=builder.today).opened
    return asked
