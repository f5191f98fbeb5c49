"""Appeals (职工诉求), built by hand: deadlines in working days across a weekend, the National
Day holiday with its make-up Saturday and the Spring Festival (dates read off the State
Council's 2026 notice); the steps an appeal may take; routing; the worker's public pages (the
code shown once, the same answer for an unknown number and a wrong code, the limits); overdue
appeals reminded to the union and, later, to the industry union."""

import datetime
import re

import pytest
from django.contrib.auth.hashers import check_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assistance.models import Appeal, AppealStatus, AppealStep
from assistance.reminders import appeals_overdue
from assistance.services import appeal_file, appeal_move, appeal_route

from ..pages import as_post_data, post_forms
from .builders import appeal_class

pytestmark = pytest.mark.django_db
D = datetime.date
FRIDAY = D(2026, 11, 27)


@pytest.fixture(autouse=True)
def _fresh_limits():
    """The public pages count per address in the cache, which outlives a test."""
    cache.clear()


def an_appeal(world, *, union="A", received_on=FRIDAY, actor=None, **fields):
    values = {
        "industry_union": world.unions[union].industry_union,
        "union": world.unions[union],
        "channel": "phone",
        "category": "wages",
        "appeal_class": appeal_class(),
        "name": "王诉求",
        "subject": "拖欠三个月工资",
        "content": "九月至十一月工资未发。",
        "received_on": received_on,
        **fields,
    }
    return appeal_file(actor=actor or world.users["officer_a"], appeal=Appeal(**values))


@pytest.mark.parametrize(
    ("received_on", "code", "deadline", "escalates_on"),
    [
        # Friday: five working days are the next week's Monday to Friday.
        (D(2026, 11, 27), "ordinary", D(2026, 12, 4), D(2026, 12, 11)),
        # Tuesday before National Day: Wed 30 Sep, Thu 8, Fri 9, Sat 10 Oct (a make-up working
        # day), Mon 12 Oct; then Tue 13 to Mon 19 (the Sunday and Saturday rest).
        (D(2026, 9, 29), "ordinary", D(2026, 10, 12), D(2026, 10, 19)),
        # Thursday before the Spring Festival: Fri 13, Sat 14 Feb (make-up), then after nine
        # days of rest Tue 24, Wed 25, Thu 26; then Fri 27, Sat 28 (make-up), Mon 2 to Wed 4 Mar.
        (D(2026, 2, 12), "ordinary", D(2026, 2, 26), D(2026, 3, 4)),
        # Fifteen working days from 1 September, over the Mid-Autumn Friday (25 Sep) and the
        # make-up Sunday (20 Sep): 2–4, 7–11, 14–18 are 13 days, Sun 20 and Mon 21 make 15;
        # then 22–24 and, past the Friday, Mon 28 and Tue 29.
        (D(2026, 9, 1), "difficult", D(2026, 9, 21), D(2026, 9, 29)),
    ],
)
def test_the_deadline_is_counted_in_working_days(world, received_on, code, deadline, escalates_on):
    appeal, _ = an_appeal(world, received_on=received_on, appeal_class=appeal_class(code))
    assert (appeal.deadline, appeal.escalates_on) == (deadline, escalates_on)


def test_accepting_as_a_difficult_appeal_moves_the_deadline_from_the_day_received(world):
    appeal, _ = an_appeal(world, received_on=D(2026, 9, 1))
    assert appeal.deadline == D(2026, 9, 8)
    appeal_move(
        actor=world.users["officer_a"],
        appeal=appeal,
        status=AppealStatus.ACCEPTED,
        appeal_class=appeal_class("difficult"),
    )
    appeal.refresh_from_db()
    assert (appeal.appeal_class.code, appeal.deadline) == ("difficult", D(2026, 9, 21))


def test_the_code_is_kept_only_as_a_hash(world):
    appeal, code = an_appeal(world)
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{8}", code)
    assert code not in appeal.code_hash and check_password(code, appeal.code_hash)
    assert re.fullmatch(r"SQ20261127\d{6}", appeal.tracking_number)
    assert all(code not in str(row.__dict__) for row in appeal.history.all())


def test_an_appeal_is_checked_before_it_is_filed(world):
    with pytest.raises(ValidationError) as refused:
        an_appeal(
            world,
            name="",
            phone="12345",
            received_on=timezone.localdate() + datetime.timedelta(days=1),
            union="B",  # (of the other industry union than the one given)
            industry_union=world.unions["A"].industry_union,
        )
    assert set(refused.value.message_dict) == {"name", "phone", "received_on", "union"}
    assert not Appeal.objects.exists()


def test_an_anonymous_appeal_keeps_no_name(world):
    appeal, _ = an_appeal(world, is_anonymous=True, name="王诉求")
    assert appeal.name == ""


def test_the_steps_an_appeal_may_take(world):
    officer = world.users["officer_a"]
    appeal, _ = an_appeal(world)
    with pytest.raises(ValidationError) as refused:
        appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ANSWERED, answer="好")
    assert refused.value.message_dict["status"] == ["诉求现为“已登记”，不能转为“已答复”。"]
    with pytest.raises(ValidationError) as refused:  # not accepted: say why
        appeal_move(actor=officer, appeal=appeal, status=AppealStatus.CLOSED)
    assert "note" in refused.value.message_dict
    appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ACCEPTED)
    with pytest.raises(ValidationError) as refused:
        appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ANSWERED, answer="  ")
    assert "answer" in refused.value.message_dict
    appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ANSWERED, answer="已协调补发。")
    # A second sending of the same answer (a double click) is refused, and changes nothing.
    with pytest.raises(ValidationError):
        appeal_move(actor=officer, appeal=appeal, status=AppealStatus.ANSWERED, answer="另一个")
    appeal.refresh_from_db()
    assert (appeal.status, appeal.answer, appeal.answered_on) == (
        "answered",
        "已协调补发。",
        timezone.localdate(),
    )
    steps = list(appeal.steps.values_list("status", "by__username"))
    assert steps == [
        ("received", "officer_a"),
        ("accepted", "officer_a"),
        ("answered", "officer_a"),
    ]
    assert appeal.history.first().history_user == officer


def test_routing_hands_the_appeal_to_another_union_of_its_industry_union(world):
    staff = world.users["staff_lt"]
    appeal, _ = an_appeal(world, union="A", actor=staff)
    with pytest.raises(ValidationError):  # another industry union's
        appeal_route(actor=staff, appeal=appeal, union=world.unions["B"])
    appeal_route(actor=staff, appeal=appeal, union=world.unions["C"], note="属单元C")
    appeal.refresh_from_db()
    assert appeal.union == world.unions["C"]
    assert not Appeal.objects.for_user(world.users["officer_a"]).filter(pk=appeal.pk).exists()
    appeal_route(actor=staff, appeal=appeal, union=None)  # back to the industry union
    appeal.refresh_from_db()
    assert appeal.union is None
    assert Appeal.objects.for_user(staff).filter(pk=appeal.pk).exists()
    routed = list(appeal.steps.filter(routed=True).values_list("routed_to", "note"))
    assert routed == [(world.unions["C"].pk, "属单元C"), (None, "")]


def test_overdue_appeals_remind_their_union_then_reach_the_industry_union(world):
    late, _ = an_appeal(world, received_on=D(2026, 11, 2))  # due Mon 9 Nov, escalates 16 Nov
    answered, _ = an_appeal(world, received_on=D(2026, 11, 2))
    for status in (AppealStatus.ACCEPTED, AppealStatus.ANSWERED):
        appeal_move(actor=world.users["officer_a"], appeal=answered, status=status, answer="答")
    day = D(2026, 11, 10)
    assert list(Appeal.objects.overdue_on(D(2026, 11, 9))) == []
    assert list(Appeal.objects.overdue_on(day)) == [late]
    assert list(Appeal.objects.escalated_on(D(2026, 11, 16))) == []
    assert list(Appeal.objects.escalated_on(D(2026, 11, 17))) == [late]
    (due,) = appeals_overdue(day)
    assert (due.union_id, due.subject, due.due_on) == (
        late.union_id,
        late.tracking_number,
        late.deadline,
    )
    assert "王诉求" not in due.subject  # (reminders are read without the permission)


# --- The worker's pages --------------------------------------------------------------------


def filed_online(client, world, **fields) -> tuple[str, str]:
    data = {
        "industry_union": world.unions["A"].industry_union.pk,
        "category": "insurance",
        "name": "李职工",
        "phone": "13912345678",
        "workplace": "大连某纺织厂",
        "subject": "单位未缴社保",
        "content": "入职一年未缴纳社会保险。",
        **fields,
    }
    response = client.post(reverse("appeal"), data)
    assert response.status_code == 200
    html = response.content.decode()
    number = re.search(r'id="tracking-number">(\w+)<', html).group(1)
    code = re.search(r'id="tracking-code">(\w+)<', html).group(1)
    return number, code


def tracked(client, number, code, **more):
    return client.post(reverse("appeal_track"), {"tracking_number": number, "code": code, **more})


def test_a_worker_files_an_appeal_and_follows_it_with_the_number_and_code(client, world):
    number, code = filed_online(client, world)
    appeal = Appeal.objects.get(tracking_number=number)
    assert (appeal.channel, appeal.status, appeal.union, appeal.received_on) == (
        "online",
        "received",
        None,  # the industry union routes it
        timezone.localdate(),
    )
    assert AppealStep.objects.get(appeal=appeal).by is None
    page = tracked(client, number.lower(), code.lower()).content.decode()  # as typed on a phone
    assert 'id="appeal-state">已登记<' in page and "单位未缴社保" in page
    assert "satisfaction" not in page  # nothing to rate yet

    staff = world.users["staff_lt"]
    appeal_route(actor=staff, appeal=appeal, union=world.unions["A"])
    appeal_move(actor=staff, appeal=appeal, status=AppealStatus.ACCEPTED)
    appeal_move(actor=staff, appeal=appeal, status=AppealStatus.ANSWERED, answer="已督促企业补缴。")
    page = tracked(client, number, code).content.decode()
    assert "已督促企业补缴。" in page and "转交单元A工会委员会" in page
    page = tracked(client, number, code, satisfaction="satisfied", comment="谢谢").content.decode()
    appeal.refresh_from_db()
    assert (appeal.status, appeal.satisfaction) == ("closed", "satisfied")
    assert "您对答复的评价：满意。谢谢！" in page
    tracked(client, number, code, satisfaction="unsatisfied")  # rated once only
    appeal.refresh_from_db()
    assert appeal.satisfaction == "satisfied"


def test_an_unknown_number_and_a_wrong_code_get_the_same_answer(client, world):
    number, code = filed_online(client, world)
    wrong_code = tracked(client, number, "ABCDEFGH")
    unknown = tracked(client, "SQ20260101000001", code)

    def without_token(response):
        html = response.content.decode()
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
        html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
        return re.sub(r'name="(tracking_number|code)"[^>]*value="[^"]*"', "", html)

    assert wrong_code.status_code == unknown.status_code == 200
    assert "没有查询号与查询码都相符的诉求" in wrong_code.content.decode()
    assert without_token(wrong_code) == without_token(unknown)
    assert "单位未缴社保" not in wrong_code.content.decode()


def test_a_refused_appeal_says_why_and_saves_nothing(client, world):
    response = client.post(reverse("appeal"), {"category": "wages", "subject": "", "content": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "请填写姓名，或选择匿名反映。" in html and "这个字段是必填项。" in html
    assert not Appeal.objects.exists()


def test_the_public_pages_are_limited_per_address(client, world, settings):
    settings.APPEALS_PER_HOUR, settings.APPEAL_CHECKS_PER_HOUR = 1, 2
    filed_online(client, world)
    assert client.post(reverse("appeal"), {}).status_code == 429
    assert Appeal.objects.count() == 1
    tracked(client, "SQ1", "X")
    tracked(client, "SQ2", "X")
    refused = tracked(client, "SQ3", "X")
    assert refused.status_code == 429 and "请稍后再试" in refused.content.decode()


def test_the_public_pages_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("appeal"), {"subject": "x"}).status_code == 403
    assert client.post(reverse("appeal_track"), {"tracking_number": "x"}).status_code == 403


# --- The officer's pages -------------------------------------------------------------------


def the_form(html, url) -> dict:
    (form,) = [f for f in post_forms(html) if f["action"] == url]
    return as_post_data(form["fields"])


def test_an_officer_registers_a_call_and_tells_the_worker_the_code(client, world):
    client.force_login(world.users["officer_a"])
    url = reverse("assistance:appeal_create")
    data = the_form(client.get(url).content.decode(), "")
    data.update(
        union=[str(world.unions["A"].pk)],
        channel=["phone"],
        category=["contract"],
        appeal_class=[str(appeal_class().pk)],
        name=["赵来电"],
        subject=["合同到期被辞退"],
        content=["合同到期未续签。"],
    )
    response = client.post(url, data, follow=True)
    assert response.redirect_chain, response.context["form"].errors
    appeal = Appeal.objects.get()
    message = str(next(iter(response.context["messages"])))
    code = re.search(r"查询码(\w{8})", message).group(1)
    assert appeal.tracking_number in message and check_password(code, appeal.code_hash)
    assert (appeal.channel, appeal.industry_union) == ("phone", world.unions["A"].industry_union)


def test_the_officer_answers_from_the_appeal_page(client, world):
    appeal, _ = an_appeal(world)
    client.force_login(world.users["officer_a"])
    page = client.get(appeal.get_absolute_url()).content.decode()
    move_url = reverse("assistance:appeal_move", args=[appeal.pk])
    data = the_form(page, move_url)
    data.update(status=["accepted"])
    client.post(move_url, data)
    page = client.get(appeal.get_absolute_url()).content.decode()
    data = the_form(page, move_url)
    data.update(status=["answered"], answer=[""])
    refused = client.post(move_url, data)
    assert "请填写职工将看到的答复。" in refused.content.decode()
    data.update(answer=["已协调企业补发工资。"])
    client.post(move_url, data)
    appeal.refresh_from_db()
    assert (appeal.status, appeal.answer) == ("answered", "已协调企业补发工资。")
