"""A record of each of the assistance app's models in a given union, for the view walk
(tests/scoping.py), and the query bounds of its pages (tests/portal/test_query_bounds.py)."""

import datetime
from decimal import Decimal

from assistance.models import (
    DEFAULT_APPEAL_CLASSES,
    DEFAULT_GRADES,
    Aid,
    Appeal,
    AppealClass,
    Campaign,
    FileImport,
    HardshipFile,
    HardshipGrade,
    HouseholdMember,
    JobHelp,
    LegalCase,
    LegalWorkstation,
    Station,
    StationActivity,
)
from assistance.services import appeal_file, file_import_upload
from tests.factories import id_number
from tests.rosters import workbook_file
from tests.scoping import builds, member_requester
from unions.models import Enterprise

QUERY_BOUNDS = {
    "assistance:file_create": 9,
    "assistance:file_detail": 11,
    "assistance:file_edit": 10,
    "assistance:file_list": 9,
    "assistance:job_help_list": 9,
    "assistance:job_help_create": 10,
    "assistance:job_help_detail": 10,
    "assistance:job_help_edit": 11,
    "assistance:workstation_list": 10,
    "assistance:workstation_create": 9,
    "assistance:workstation_detail": 10,
    "assistance:workstation_edit": 10,
    "assistance:legal_case_list": 9,
    "assistance:legal_case_create": 9,
    "assistance:legal_case_detail": 10,
    "assistance:legal_case_edit": 10,
    "assistance:aid_list": 9,
    "assistance:aid_create": 11,
    "assistance:aid_detail": 10,
    "assistance:aid_edit": 12,
    "assistance:campaign_list": 9,
    "assistance:campaign_create": 9,
    "assistance:campaign_detail": 16,
    "assistance:campaign_edit": 11,
    "assistance:file_review": 9,
    "assistance:file_import": 10,
    "assistance:overview": 20,
    "assistance:file_export": 9,
    "assistance:file_import_detail": 9,
    "assistance:file_import_template": 9,
    "assistance:household_add": 7,
    "assistance:household_remove": 8,
    "assistance:appeal_list": 9,
    "assistance:appeal_create": 9,
    "assistance:appeal_detail": 12,
    "assistance:appeal_move": 8,
    "assistance:appeal_route": 8,
    "assistance:station_list": 9,
    "assistance:station_create": 9,
    "assistance:station_detail": 11,
    "assistance:station_edit": 11,
    "assistance:station_activity_add": 7,
}


def grade(code: str = "ordinary") -> HardshipGrade:
    """A grade of the data migration (which a test that empties the database takes away)."""
    name, order = next((n, o) for c, n, o in DEFAULT_GRADES if c == code)
    return HardshipGrade.objects.get_or_create(code=code, defaults={"name": name, "order": order})[
        0
    ]


@builds(HardshipFile)
def hardship_file_in(union):
    return HardshipFile.objects.create(
        union=union,
        name=f"{union.name}·困难职工",
        id_number=id_number(),
        household_size=3,
        household_income=Decimal("1800.00"),
        on_dibao=True,
        causes=["illness"],
        criteria=["dibao"],
        grade=grade(),
        needs="医疗救助",
        opened_on=datetime.date(2026, 3, 1),
    )


@builds(HouseholdMember)
def household_member_in(union):
    return HouseholdMember.objects.create(
        file=hardship_file_in(union), name=f"{union.name}·家属", relation="child", born_in=2012
    )


def appeal_class(code: str = "ordinary") -> AppealClass:
    """A class of the data migration (which a test that empties the database takes away)."""
    name, days, order = next((n, d, o) for c, n, d, o in DEFAULT_APPEAL_CLASSES if c == code)
    return AppealClass.objects.get_or_create(
        code=code, defaults={"name": name, "working_days": days, "order": order}
    )[0]


@builds(Appeal)
def appeal_in(union):
    appeal, _code = appeal_file(
        actor=None,
        appeal=Appeal(
            industry_union=union.industry_union,
            union=union,
            category="wages",
            appeal_class=appeal_class(),
            name=f"{union.name}·诉求职工",
            subject=f"{union.name}·拖欠工资",
            content="三个月工资未发。",
        ),
    )
    return appeal


@builds(Station)
def station_in(union):
    station = Station.objects.create(
        kind="supermarket",
        industry_union=union.industry_union,
        union=union,
        name=f"{union.name}·爱心超市",
        opened_on=datetime.date(2025, 6, 1),
        offers="米面油等生活用品",
    )
    station.enterprises.set(Enterprise.objects.filter(union__path__startswith=union.path)[:3])
    return station


@builds(StationActivity)
def station_activity_in(union):
    return StationActivity.objects.create(
        station=station_in(union), day=datetime.date(2026, 1, 20), visitors=12, handouts="米面油"
    )


@builds(Campaign)
def campaign_in(union):
    campaign = Campaign.objects.create(
        industry_union=union.industry_union,
        name=f"{union.name}·2026年送温暖",
        programme="warmth",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 2, 28),
        budget=Decimal("50000.00"),
    )
    campaign.unions.set([union.pk if union.parent_id is None else union.grassroots_id])
    return campaign


@builds(Aid)
def aid_in(union):
    return Aid.objects.create(
        union=union,
        programme="warmth",
        name=f"{union.name}·受助职工",
        id_number=id_number(),
        cash=Decimal("800.00"),
        funds="union",
        given_on=datetime.date(2026, 1, 20),
        handed_over_by="工会主席",
    )


@builds(LegalWorkstation)
def workstation_in(union):
    return LegalWorkstation.objects.create(
        industry_union=union.industry_union,
        union=union,
        name=f"{union.name}·法律援助工作站",
        opened_on=datetime.date(2025, 3, 1),
        lawyers="张律师（大连某律师事务所）",
    )


@builds(LegalCase)
def legal_case_in(union):
    return LegalCase.objects.create(
        workstation=workstation_in(union),
        name=f"{union.name}·维权职工",
        employer=f"{union.name}·用人单位",
        dispute="wages",
        opened_on=datetime.date(2026, 4, 1),
        claimed=Decimal("12000.00"),
    )


@builds(JobHelp)
def job_help_in(union):
    return JobHelp.objects.create(
        union=union,
        name=f"{union.name}·待业职工",
        kind="training",
        provider="叉车操作培训班",
        started_on=datetime.date(2026, 5, 6),
    )


@builds(FileImport)
def file_import_in(union):
    from assistance.file_import import COLUMNS

    cells = {"name": "导入档案", "id_number": id_number(), "household_size": 3}
    cells |= {"household_income": 2700, "on_dibao": "否", "causes": "患病", "grade": "一般困难"}
    cells |= {"needs": "医疗救助", "opened_on": "2026-03-01"}
    grade("ordinary")
    return file_import_upload(
        actor=member_requester(),
        union=union,
        uploaded=workbook_file(
            [[cells.get(c.key, "") for c in COLUMNS]],
            header=[c.label for c in COLUMNS],
            name=f"{union.name}.xlsx",
        ),
    )
