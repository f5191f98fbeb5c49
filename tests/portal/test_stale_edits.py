"""Two people edit the same record: the second save, from a form opened before the first, is
refused with what changed; nothing either typed is lost; saving again goes through.

One case per edit form of the portal (cohesion_portal.versioning). The monthly report, the
scheme and the assessments have their own forms: tests/reports, tests/standards.
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from contracts.models import CollectiveContract

from .. import scoping
from ..editing import form_of


@dataclass
class Case:
    url_name: str
    build: object  # (world) -> the record
    persona: str
    first: tuple  # (field, value) the first person changes
    second: tuple  # (field, value) the second person changes
    label: str  # how the message names the first person's field


def _union_a(world):
    return world.unions["A"]


CASES = {
    "contract": Case(
        "contracts:edit",
        lambda world: scoping.contract_of(world.unions["A"]),
        "officer_a",
        ("title", "二〇二六年工资专项集体合同（修订）"),
        ("employer_party", "大连测试纺织有限公司（新）"),
        "名称",
    ),
    "performance check": Case(
        "contracts:check_edit",
        lambda world: scoping.performance_check_of(world.unions["A"]),
        "officer_a",
        ("follow_up", "督促企业补签工资条款"),
        ("checked_on", "2026-07-01"),
        "整改措施",
    ),
    "negotiation offer": Case(
        "contracts:offer_edit",
        lambda world: scoping.offer_of(world.unions["A"]),
        "officer_a",
        ("subject", "二〇二六年工资集体协商要约（二）"),
        ("note", "企业方要求延期答复"),
        "事由",
    ),
    "workers' congress": Case(
        "contracts:congress_edit",
        lambda world: scoping.congress_of(world.unions["A"]),
        "officer_a",
        ("name", "第三届职工代表大会"),
        ("established_on", "2020-02-01"),
        "名称",
    ),
    "disclosure": Case(
        "contracts:disclosure_edit",
        lambda world: scoping.disclosure_of(world.unions["A"]),
        "officer_a",
        ("title", "二〇二六年工资调整方案公开"),
        ("feedback", "职工无异议"),
        "名称",
    ),
    "union": Case(
        "unions:union_edit",
        _union_a,
        "staff_lt",
        ("chair", "王建国"),
        ("address", "大连市中山区人民路1号"),
        "工会主席",
    ),
    "enterprise": Case(
        "unions:enterprise_edit",
        lambda world: scoping.enterprise_in(world.unions["A"]),
        "officer_a",
        ("headcount", "321"),
        ("address", "大连市甘井子区"),
        "职工人数",
    ),
    "member": Case(
        "unions:member_edit",
        lambda world: scoping.member_in(world.unions["A"]),
        "officer_a",
        ("card_number", "DL-0001"),
        ("name", "李卫东"),
        "会员证号",
    ),
    "plan": Case(
        "standards:plan_edit",
        lambda world: scoping.plan_for(world.unions["A"]),
        "staff_lt",
        ("summary", "三年规划的第二年"),
        ("document_number", "大轻纺工[2026]1号"),
        "概要",
    ),
    "target": Case(
        "standards:target_edit",
        lambda world: scoping.target_for(world.unions["A"]),
        "staff_lt",
        ("value", "95.00"),
        ("title", "集体合同覆盖率（修订）"),
        "目标值",
    ),
}


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CASES)
def test_a_save_from_a_form_opened_before_anothers_save_is_refused_and_loses_nothing(world, kind):
    case = CASES[kind]
    record = case.build(world)
    url = reverse(case.url_name, args=[record.pk])
    first, second = client_of(world.users[case.persona]), client_of(world.users["superuser"])
    first_form, second_form = form_of(first.get(url)), form_of(second.get(url))

    (field, value), (other_field, other_value) = case.first, case.second
    assert first.post(url, {**first_form, field: value}).status_code == 302

    refused = second.post(url, {**second_form, other_field: other_value})

    assert refused.status_code == 200
    record.refresh_from_db()
    assert str(getattr(record, field)) == value  # the first save stands
    assert str(getattr(record, other_field)) != other_value  # the second is not saved yet
    page = refused.content.decode()
    assert "保存了这条记录" in page
    changes = refused.context["record_changed"].changes
    assert [change.label for change in changes] == [case.label]
    assert changes[0].taken  # the second person had left it alone: it now shows the new value

    again = form_of(refused)
    assert again[other_field] == other_value  # what the second person typed is still there
    assert second.post(url, again).status_code == 302
    record.refresh_from_db()
    assert str(getattr(record, field)) == value
    assert str(getattr(record, other_field)) == other_value


@pytest.mark.django_db
def test_when_both_change_the_same_field_the_refused_form_keeps_the_second_persons_entry(world):
    contract = scoping.contract_of(world.unions["A"])
    url = reverse("contracts:edit", args=[contract.pk])
    first, second = client_of(world.users["officer_a"]), client_of(world.users["staff_lt"])
    first_form, second_form = form_of(first.get(url)), form_of(second.get(url))
    first.post(url, {**first_form, "title": "甲方改的名称"})

    refused = second.post(url, {**second_form, "title": "乙方改的名称"})

    (change,) = refused.context["record_changed"].changes
    assert (change.saved, change.entered, change.taken) == ("甲方改的名称", "乙方改的名称", False)
    assert "甲方改的名称" in refused.content.decode()
    assert form_of(refused)["title"] == "乙方改的名称"
    contract.refresh_from_db()
    assert contract.title == "甲方改的名称"


@pytest.mark.django_db
def test_the_message_names_who_saved_the_record(world):
    disclosure = scoping.disclosure_of(world.unions["A"])
    url = reverse("contracts:disclosure_edit", args=[disclosure.pk])
    first, second = client_of(world.users["officer_a"]), client_of(world.users["staff_lt"])
    first_form, second_form = form_of(first.get(url)), form_of(second.get(url))
    first.post(url, {**first_form, "title": "新标题"})

    refused = second.post(url, second_form)

    assert refused.context["record_changed"].people == [str(world.users["officer_a"])]
    assert str(world.users["officer_a"]) in refused.content.decode()


@pytest.mark.django_db
def test_a_form_without_its_version_is_not_saved_blindly(world):
    member = scoping.member_in(world.unions["A"])
    url = reverse("unions:member_edit", args=[member.pk])
    officer = client_of(world.users["officer_a"])
    data = form_of(officer.get(url), phone="13700000000", record_version=None)

    refused = officer.post(url, data)

    assert refused.status_code == 200
    assert refused.context["record_changed"] is not None
    member.refresh_from_db()
    assert member.phone != "13700000000"
    assert officer.post(url, form_of(refused)).status_code == 302
    member.refresh_from_db()
    assert member.phone == "13700000000"


@pytest.mark.django_db
def test_every_save_moves_the_version_on_and_the_history_keeps_it(world):
    enterprise = scoping.enterprise_in(world.unions["A"])
    url = reverse("unions:enterprise_edit", args=[enterprise.pk])
    officer = client_of(world.users["officer_a"])
    officer.post(url, form_of(officer.get(url), headcount="50"))
    officer.post(url, form_of(officer.get(url), headcount="60"))

    enterprise.refresh_from_db()
    assert enterprise.version == 3
    assert [row.version for row in enterprise.history.order_by("history_date")] == [1, 2, 3]


@pytest.mark.django_db
def test_a_scan_the_other_person_uploaded_stays_when_the_refused_form_is_saved_again(world):
    contract = scoping.contract_of(world.unions["A"])
    url = reverse("contracts:edit", args=[contract.pk])
    first, second = client_of(world.users["officer_a"]), client_of(world.users["staff_lt"])
    first_form, second_form = form_of(first.get(url)), form_of(second.get(url))
    scan = SimpleUploadedFile("新扫描件.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    assert first.post(url, {**first_form, "signed_scan": scan}).status_code == 302
    uploaded = CollectiveContract.objects.get().signed_scan.name

    refused = second.post(url, {**second_form, "title": "乙方改的名称"})

    (change,) = refused.context["record_changed"].changes
    assert change.taken  # a file input cannot be refilled, but left empty it keeps the new scan
    assert second.post(url, form_of(refused)).status_code == 302
    contract.refresh_from_db()
    assert (contract.signed_scan.name, contract.title) == (uploaded, "乙方改的名称")
