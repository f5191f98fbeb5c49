"""Two people on one monthly report (月报): a save or a submit from a form opened before the
other's save is refused with what changed, and nothing either wrote is lost; a review of a
report that was returned and sent again since the reviewer read it is refused too."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cohesion_portal.versioning import StaleRecord
from reports.models import MonthlyReport
from reports.services.monthly import monthly_report_return, monthly_report_save

from ..editing import form_of
from ..factories import enrol
from .monthly_helpers import SEPTEMBER, TEXTS, TODAY, draft, submitted, version_now

pytestmark = pytest.mark.django_db

FILL = f"{reverse('reports:monthly_fill')}?month=2026-09"


def client_of(world, persona):
    client = Client()
    client.force_login(world.users[persona])
    return client


def fill_url(world):
    return f"{FILL}&union={world.unions['A'].pk}"


def test_a_draft_saved_over_anothers_save_is_refused_and_both_texts_are_kept(world):
    draft(world)
    officer, staff = client_of(world, "officer_a"), client_of(world, "staff_lt")
    officer_form = form_of(officer.get(fill_url(world)))
    staff_form = form_of(staff.get(fill_url(world)))
    assert officer.post(fill_url(world), {**officer_form, "problems": "经费紧张", "save": "1"})[
        "Location"
    ]

    refused = staff.post(fill_url(world), {**staff_form, "next_month": "召开职代会", "save": "1"})

    assert refused.status_code == 200
    report = MonthlyReport.objects.get()
    assert (report.problems, report.next_month) == ("经费紧张", TEXTS["next_month"])
    (change,) = refused.context["record_changed"].changes
    assert change.label == "存在的问题和困难" and change.saved == "经费紧张" and change.taken
    assert "保存了这条记录" in refused.content.decode()

    assert staff.post(fill_url(world), {**form_of(refused), "save": "1"}).status_code == 302
    report.refresh_from_db()
    assert (report.problems, report.next_month) == ("经费紧张", "召开职代会")


def test_a_report_begun_by_someone_else_since_the_form_was_opened_is_not_overwritten(world):
    officer, staff = client_of(world, "officer_a"), client_of(world, "staff_lt")
    officer_form = form_of(officer.get(fill_url(world)))
    staff_form = form_of(staff.get(fill_url(world)))
    officer.post(fill_url(world), {**officer_form, "work_done": "召开会员大会", "save": "1"})

    refused = staff.post(fill_url(world), {**staff_form, "problems": "经费紧张", "save": "1"})

    assert refused.status_code == 200
    assert MonthlyReport.objects.get().work_done == "召开会员大会"
    assert form_of(refused)["work_done"] == "召开会员大会"  # left empty by staff: now filled


def test_a_submit_from_a_stale_form_does_not_send_text_its_sender_did_not_see(world):
    draft(world)
    officer, staff = client_of(world, "officer_a"), client_of(world, "staff_lt")
    officer_form = form_of(officer.get(fill_url(world)))
    staff_form = form_of(staff.get(fill_url(world)))
    officer.post(fill_url(world), {**officer_form, "work_done": "新增会员十名", "save": "1"})

    refused = staff.post(fill_url(world), {**staff_form, "submit": "1"})

    assert refused.status_code == 200
    report = MonthlyReport.objects.get()
    assert report.status == "draft"
    assert refused.context["record_changed"].changes[0].saved == "新增会员十名"
    # Seen now, it is sent as it stands.
    assert staff.post(fill_url(world), {**form_of(refused), "submit": "1"}).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.work_done) == ("submitted", "新增会员十名")


def figures_shown(response) -> dict:
    """The copy of the figures the page showed, which the form sends back with a submit."""
    return {
        "figures_shown": re.search(
            r'name="figures_shown" value="([^"]*)"', response.content.decode()
        )[1]
    }


def test_a_submit_does_not_freeze_figures_that_moved_after_the_page_was_opened(world):
    officer = client_of(world, "officer_a")
    page = officer.get(fill_url(world))
    # Someone enrols a member who joined in September while the officer writes.
    enrol(world.unions["A"], joined_on=datetime.date(2026, 9, 10))

    refused = officer.post(
        fill_url(world), {**form_of(page, **TEXTS), **figures_shown(page), "submit": "1"}
    )

    assert refused.status_code == 200
    (error,) = refused.context["form"].non_field_errors()
    assert "本月新入会会员" in error and "0 人 → 1 人" in error
    assert not MonthlyReport.objects.filter(status="submitted").exists()
    again = officer.post(
        fill_url(world), {**form_of(refused), **figures_shown(refused), "submit": "1"}
    )
    assert again.status_code == 302
    report = MonthlyReport.objects.get()
    assert (report.status, report.figures["unions.new_members"]) == ("submitted", 1)


def test_a_review_of_a_report_sent_again_since_it_was_read_is_refused(world):
    report = submitted(world)
    reviewer = client_of(world, "staff_lt")
    page = reviewer.get(report.get_absolute_url())
    review_form = {
        **{f.html_name: f.value() for f in page.context["review_form"] if f.value() is not None},
        "decision": "accept",
    }
    # Meanwhile another reviewer returns it and the union sends it again, rewritten.
    monthly_report_return(
        actor=world.users["superuser"], report=MonthlyReport.objects.get(), comment="请补充。"
    )
    draft(world, texts={**TEXTS, "work_done": "重写的工作总结"})
    submitted(world)

    refused = reviewer.post(reverse("reports:monthly_review", args=[report.pk]), review_form)

    assert refused.status_code == 200
    assert "请重新阅读" in refused.content.decode()
    assert MonthlyReport.objects.get().status == "submitted"
    again = form_of(refused, decision="accept")
    assert (
        reviewer.post(reverse("reports:monthly_review", args=[report.pk]), again)["Location"]
        == report.get_absolute_url()
    )
    assert MonthlyReport.objects.get().status == "accepted"


def test_the_service_refuses_texts_written_on_an_older_version(world):
    report = draft(world)
    draft(world, texts={**TEXTS, "problems": "场地不足"})
    with pytest.raises(StaleRecord):
        monthly_report_save(
            actor=world.users["officer_a"],
            union=world.unions["A"],
            month=SEPTEMBER,
            texts=TEXTS,
            version=report.version,
            today=TODAY,
        )
    assert MonthlyReport.objects.get().problems == "场地不足"
    assert version_now(world.unions["A"], SEPTEMBER) == report.version + 1


def test_a_submitted_report_still_answers_already_done_rather_than_stale(world):
    report = submitted(world)
    with pytest.raises(ValidationError) as refused:
        monthly_report_save(
            actor=world.users["officer_a"],
            union=world.unions["A"],
            month=SEPTEMBER,
            texts=TEXTS,
            version=report.version - 1,
            today=TODAY,
        )
    assert refused.value.code == "already_done"


def test_texts_written_on_a_report_that_is_not_there_are_refused(world):
    with pytest.raises(StaleRecord):
        monthly_report_save(
            actor=world.users["officer_a"],
            union=world.unions["A"],
            month=SEPTEMBER,
            texts=TEXTS,
            version=2,
            today=TODAY,
        )
    assert not MonthlyReport.objects.exists()
