"""Demo hardship files: a few open files in each grassroots union, mostly members' (a worker
of a covered enterprise otherwise), each meeting its criteria against the demo 低保 line, some
due for review, some closed as out of hardship; the demo's officers and industry-union staff
hold the assistance permission (the area cadre and the leader read the figures only)."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from simple_history.utils import bulk_create_with_history

from unions.models import Member, Union

from .criteria import criteria_met
from .models import (
    DEFAULT_GRADES,
    Cause,
    CloseReason,
    HardshipFile,
    HardshipGrade,
    SubsistenceLine,
)

# Illustrative figures for the demo (staff enter the published line in the admin).
DEMO_LINES = {2025: Decimal("1000.00"), 2026: Decimal("1030.00")}
PERMITTED = ("officer", "nl_officer", "qf_staff", "qf_staff2", "nl_staff")
FILES_PER_UNION = (1, 4)
NEEDS = ("医疗救助", "子女助学", "生活补助", "技能培训与再就业", "送温暖慰问")


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
    files = []
    for union in Union.objects.grassroots().counted().order_by("pk"):
        members = list(
            Member.objects.filter(
                memberships__union__path__startswith=union.path, memberships__ended_on__isnull=True
            ).order_by("pk")[:40]
        )
        for member in rng.sample(members, min(len(members), rng.randint(*FILES_PER_UNION))):
            files.append(_file(rng, today, union, member, grades))
    created = bulk_create_with_history(files, HardshipFile, batch_size=1000)
    return {"hardship_files": len(created)}


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
