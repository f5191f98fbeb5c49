"""Shared pieces of the monthly report's tests: a month well in the past, and a report at each
step built through the services."""

import datetime

from reports.models import MonthlyReport
from reports.services.monthly import (
    monthly_report_accept,
    monthly_report_return,
    monthly_report_save,
    monthly_report_submit,
)

SEPTEMBER = datetime.date(2026, 9, 1)
TODAY = datetime.date(2026, 11, 26)  # the day the services are told it is
TEXTS = {"work_done": "召开会员大会，发展新会员。", "problems": "", "next_month": "筹备职代会。"}


def version_now(union, month) -> int:
    """The version of the union's report of `month` (0: none yet): the helpers write on the
    latest, as a person who has just opened the form would."""
    report = MonthlyReport.objects.filter(union=union, month=month).first()
    return report.version if report is not None else 0


def draft(world, label="A", month=SEPTEMBER, texts=TEXTS):
    return monthly_report_save(
        actor=world.users["officer_a"] if label == "A" else world.users["superuser"],
        union=world.unions[label],
        month=month,
        texts=texts,
        version=version_now(world.unions[label], month),
        today=TODAY,
    )


def submitted(world, label="A", month=SEPTEMBER):
    return monthly_report_submit(
        actor=world.users["officer_a"] if label == "A" else world.users["superuser"],
        union=world.unions[label],
        month=month,
        texts=TEXTS,
        version=version_now(world.unions[label], month),
        today=TODAY,
    )


def returned(world, label="A", month=SEPTEMBER):
    staff = world.users["staff_aw" if label == "B" else "staff_lt"]
    return monthly_report_return(
        actor=staff, report=submitted(world, label, month), comment="请补充活动情况。"
    )


def accepted(world, label="A", month=SEPTEMBER):
    staff = world.users["staff_aw" if label == "B" else "staff_lt"]
    return monthly_report_accept(actor=staff, report=submitted(world, label, month))
