"""Demo hardship files: open files in each grassroots union, about one for 15 of its active
members (at least one), each meeting its criteria against the demo 低保 line, some due for
review, some closed as out of hardship; so scale L holds about 20,000 files, and S a few in
each union. Appeals of the last four months, more in a large union, most answered and rated,
some overdue; the demo's officers and industry-union staff hold the assistance permission (the
area cadre and the leader read the figures only)."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Permission
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from unions.metrics import count_by_grassroots
from unions.models import Member, Role, RoleKind, Union

from .criteria import criteria_met
from .demo_aid import build_aid
from .demo_legal import build_legal_aid
from .demo_stations import build_stations
from .models import (
    DEFAULT_APPEAL_CLASSES,
    DEFAULT_GRADES,
    Appeal,
    AppealCategory,
    AppealClass,
    AppealStatus,
    AppealStep,
    Cause,
    Channel,
    CloseReason,
    HardshipFile,
    HardshipGrade,
    Satisfaction,
    SubsistenceLine,
)
from .services.appeals import deadlines

# Illustrative figures for the demo (staff enter the published line in the admin).
DEMO_LINES = {2025: Decimal("1000.00"), 2026: Decimal("1030.00")}
PERMITTED = ("officer", "nl_officer", "qf_staff", "qf_staff2", "nl_staff")
# One file for about this many active members of a union, give or take FILES_SPREAD.
MEMBERS_PER_FILE = 15
FILES_SPREAD = (0.6, 1.4)
FILES_BATCH = 5_000
NEEDS = ("医疗救助", "子女助学", "生活补助", "技能培训与再就业", "送温暖慰问")
# Every demo appeal is followed on the public page with this code (README).
DEMO_APPEAL_CODE = "DEMO2026"
# Appeals in a union: up to 3, or one for this many active members in a larger union.
APPEALS_AT_MOST = 3
MEMBERS_PER_APPEAL = 50
APPEAL_SUBJECTS = {
    AppealCategory.WAGES: ("拖欠三个月工资", "加班费未按规定支付"),
    AppealCategory.CONTRACT: ("未签订书面劳动合同", "合同到期未续签被辞退"),
    AppealCategory.INJURY: ("工伤认定迟迟未办", "工伤医疗费报销难"),
    AppealCategory.SOCIAL_INSURANCE: ("单位未缴纳社会保险", "社保断缴影响看病报销"),
    AppealCategory.HARDSHIP: ("家人重病生活困难", "子女上学费用困难"),
    AppealCategory.RIGHTS: ("厂务公开内容不全", "职代会提案无人答复"),
}
ANSWERS = (
    "工会已与企业协商，企业承诺本月底前补发。",
    "已陪同职工到劳动监察部门反映，正在处理，请保持电话畅通。",
    "经核实，已为您申请困难帮扶，请到工会领取救助金。",
)


def extend_demo(*, builder) -> dict:
    # Its own generator: the apps after it draw what they drew before it came.
    rng, today = random.Random(f"assistance:{builder.seed}"), builder.today
    for year, amount in DEMO_LINES.items():
        SubsistenceLine.objects.update_or_create(year=year, defaults={"monthly_amount": amount})
    permission = Permission.objects.get(codename="view_individuals")
    for user in get_user_model().objects.filter(username__in=PERMITTED):
        user.user_permissions.add(permission)
    # (Rows of the data migration, which a test that empties the database takes away.)
    grades = [
        HardshipGrade.objects.get_or_create(code=code, defaults={"name": name, "order": order})[0]
        for code, name, order in DEFAULT_GRADES
    ]
    active = count_by_grassroots(Member.objects.active())
    files, written = [], 0
    for union in Union.objects.grassroots().counted().order_by("pk"):
        chosen = _file_holders(rng, union, _files_wanted(rng, active.get(union.pk, 0)))
        files += [_file(rng, today, union, member, grades) for member in chosen]
        if len(files) >= FILES_BATCH:  # written a batch at a time: memory stays flat
            written += len(bulk_create_with_history(files, HardshipFile, batch_size=1000))
            files = []
    written += len(bulk_create_with_history(files, HardshipFile, batch_size=1000))
    campaigns, aid = build_aid(rng, today)
    return {
        "hardship_files": written,
        "appeals": _appeals(rng, today, active),
        "stations": build_stations(rng, today),
        "aid campaigns": campaigns,
        "aid records": aid,
        "legal aid cases": build_legal_aid(rng, today),
    }


def _files_wanted(rng, active_members: int) -> int:
    return max(1, round(active_members / MEMBERS_PER_FILE * rng.uniform(*FILES_SPREAD)))


def _file_holders(rng, union, wanted: int) -> list[Member]:
    """`wanted` members of `union` today, drawn from twice as many (fewer in a small union).
    A member has one open membership, so no one gets two open files."""
    members = Member.objects.filter(
        memberships__union__path__startswith=union.path, memberships__ended_on__isnull=True
    ).order_by("pk")
    read = list(members.only("name", "id_number", "is_migrant")[: wanted * 2])
    return rng.sample(read, min(len(read), wanted))


def _file(rng, today, union, member, grades) -> HardshipFile:
    opened = today - datetime.timedelta(days=rng.randint(30, 700))
    size = rng.randint(2, 5)
    line = DEMO_LINES.get(opened.year, DEMO_LINES[max(DEMO_LINES)])
    # Income per head between half the line and 1.4 times it; a few households on 低保.
    income = (line * Decimal(rng.uniform(0.5, 1.4)) * size).quantize(Decimal("0.01"))
    causes = rng.sample([c.value for c in Cause if c != Cause.OTHER], rng.randint(1, 2))
    if income / size >= line and not {"illness", "schooling", "disaster"} & set(causes):
        causes.append(Cause.ILLNESS.value)
    file = HardshipFile(
        union=union,
        member=member,
        name=member.name,
        id_number=member.id_number,
        is_migrant=member.is_migrant,
        has_year_contract=member.is_migrant,
        household_size=size,
        household_income=income,
        medical_costs=Decimal(rng.choice([0, 0, 3000, 8000, 30000])),
        on_dibao=rng.random() < 0.2,
        causes=causes,
        grade=rng.choices(grades, weights=[6, 3, 1])[0],
        needs=rng.choice(NEEDS),
        opened_on=opened,
        last_reviewed_on=(
            opened + datetime.timedelta(days=rng.randint(20, (today - opened).days))
            if rng.random() < 0.6
            else None
        ),
    )
    if rng.random() < 0.1:  # out of hardship lately, at the last review
        file.last_reviewed_on = file.closed_on = today - datetime.timedelta(days=rng.randint(1, 20))
        file.close_reason = CloseReason.OUT_OF_HARDSHIP
    file.criteria = criteria_met(file, line)
    return file


def _appeals(rng, today, active: dict[int, int]) -> int:
    """Appeals of the last four months, more in a larger union (`active`: its active members):
    the older ones answered and rated, some overdue (a few so long that the industry union
    follows them up), a few new ones not routed yet."""
    classes = [
        AppealClass.objects.get_or_create(
            code=code, defaults={"name": name, "working_days": days, "order": order}
        )[0]
        for code, name, days, order in DEFAULT_APPEAL_CLASSES
    ]
    code_hash = make_password(DEMO_APPEAL_CODE)
    deadlines_of = {}  # (received on, class) -> deadlines: the calendar read once a pair
    appeals, stages = [], []
    followed_up = set()  # the industry unions with an appeal long overdue
    unions = Union.objects.grassroots().counted().select_related("industry_union").order_by("pk")
    for union in unions:
        most = max(APPEALS_AT_MOST, round(active.get(union.pk, 0) / MEMBERS_PER_APPEAL))
        for _ in range(rng.randint(0, most)):
            category = rng.choice(list(APPEAL_SUBJECTS))
            appeal_class = rng.choices(classes, weights=[7, 2, 1])[0]
            received = today - datetime.timedelta(days=rng.randint(0, 120))
            key = (received, appeal_class.pk)
            if key not in deadlines_of:
                deadlines_of[key] = deadlines(received, appeal_class)
            anonymous = rng.random() < 0.2
            appeal = Appeal(
                industry_union=union.industry_union,
                union=union if received < today - datetime.timedelta(days=2) else None,
                tracking_number=f"SQ{received:%Y%m%d}{len(appeals) + 1:06d}",
                code_hash=code_hash,
                channel=rng.choice(Channel.values),
                category=category,
                appeal_class=appeal_class,
                is_anonymous=anonymous,
                name=""
                if anonymous
                else rng.choice("王李张刘陈杨赵") + rng.choice(("强", "丽", "伟")),
                phone="" if anonymous else f"139{rng.randint(0, 99999999):08d}",
                subject=rng.choice(APPEAL_SUBJECTS[category]),
                content="职工反映的情况与诉求（演示数据）。",
                received_on=received,
            )
            appeal.deadline, appeal.escalates_on = deadlines_of[key]
            appeals.append(appeal)
            # One appeal long overdue in each industry union, however few were drawn: every
            # demo shows the follow-up (attention list, reminders, the 月报's overdue).
            long_overdue = appeal.union is not None and appeal.escalates_on < today
            if long_overdue and union.industry_union_id not in followed_up:
                followed_up.add(union.industry_union_id)
                stages.append(_demo_stage(rng, today, appeal, left_in_hand=True))
            else:
                stages.append(_demo_stage(rng, today, appeal))
    created = bulk_create_with_history(appeals, Appeal, batch_size=1000)
    # The industry unions' staff handle the demo's appeals (the worker files the online ones).
    handlers = {}
    for role in Role.objects.filter(kind=RoleKind.INDUSTRY_STAFF).order_by("-pk"):
        handlers[role.industry_union_id] = role.user
    steps = []
    for appeal, stage in zip(created, stages, strict=True):
        day = appeal.received_on
        for status in stage:
            by = handlers.get(appeal.industry_union_id)
            if status == AppealStatus.RECEIVED and appeal.channel == Channel.ONLINE:
                by = None
            steps.append(AppealStep(appeal=appeal, status=status, at=_at(day), by=by))
            day = min(today, day + datetime.timedelta(days=rng.randint(0, 3)))
    AppealStep.objects.bulk_create(steps, batch_size=2000)
    return len(created)


def _demo_stage(rng, today, appeal, *, left_in_hand=False) -> list[str]:
    """Moves `appeal` to a status its age makes plausible; the statuses it went through."""
    path = [AppealStatus.RECEIVED]
    if appeal.union is None:
        return path
    path.append(AppealStatus.ACCEPTED)
    if left_in_hand:
        path.append(AppealStatus.IN_HAND)
    elif rng.random() < 0.7 or appeal.deadline < today - datetime.timedelta(days=12):
        # Answered, mostly in time; rated by most workers.
        answered = min(today, appeal.deadline + datetime.timedelta(days=rng.choice([-3, -1, 0, 2])))
        appeal.answer, appeal.answered_on = rng.choice(ANSWERS), max(appeal.received_on, answered)
        path += [AppealStatus.IN_HAND, AppealStatus.ANSWERED]
        if rng.random() < 0.7:
            appeal.closed_on = appeal.answered_on
            appeal.satisfaction = rng.choices(Satisfaction.values, weights=[7, 2, 1])[0]
            path.append(AppealStatus.CLOSED)
    elif rng.random() < 0.6:
        path.append(AppealStatus.IN_HAND)
    appeal.status = path[-1]
    return path


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
