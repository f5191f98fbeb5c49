"""The monthly report's way: draft → submitted → returned or accepted, with its refusals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from reports.models import MonthlyReport
from reports.services.monthly import (
    monthly_report_accept,
    monthly_report_return,
    monthly_report_save,
    monthly_report_submit,
)

from .monthly_helpers import SEPTEMBER, TEXTS, TODAY, accepted, draft, returned, submitted

pytestmark = pytest.mark.django_db


def statuses(report):
    return list(
        report.history.order_by("history_date", "history_id").values_list("status", flat=True)
    )


def test_an_officer_saves_a_draft_and_saves_it_again(world):
    report = draft(world)
    again = draft(world, texts={**TEXTS, "problems": "经费紧张。"})
    assert again.pk == report.pk
    assert again.status == "draft" and again.problems == "经费紧张。"
    assert set(again.figures) >= {"unions.members", "contracts.coverage"}
    assert MonthlyReport.objects.count() == 1


def test_submitting_records_who_and_when_and_keeps_the_steps_in_the_history(world):
    draft(world)
    report = submitted(world)
    assert report.status == "submitted"
    assert report.submitted_by == world.users["officer_a"]
    assert report.submitted_at is not None
    assert statuses(report) == ["draft", "submitted"]
    assert report.history.latest().history_user == world.users["officer_a"]


def test_a_second_submit_changes_nothing(world):
    report = submitted(world)
    with pytest.raises(ValidationError) as refused:
        submitted(world)
    assert refused.value.code == "already_done"
    report.refresh_from_db()
    assert statuses(report) == ["submitted"]


def test_a_submitted_or_accepted_report_cannot_be_changed_by_the_union(world):
    submitted(world)
    with pytest.raises(ValidationError):
        draft(world, texts={**TEXTS, "work_done": "改写"})
    monthly_report_accept(actor=world.users["staff_lt"], report=MonthlyReport.objects.get())
    with pytest.raises(ValidationError):
        draft(world, texts={**TEXTS, "work_done": "改写"})
    assert MonthlyReport.objects.get().work_done == TEXTS["work_done"]


def test_a_report_for_a_month_that_has_not_begun_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        draft(world, month=datetime.date(2026, 12, 1))
    assert "month" in refused.value.message_dict
    assert not MonthlyReport.objects.exists()


def test_the_month_under_way_can_be_reported(world):
    report = submitted(world, month=datetime.date(2026, 11, 1))
    assert report.status == "submitted"


def test_a_report_without_any_text_is_not_submitted(world):
    with pytest.raises(ValidationError) as refused:
        monthly_report_submit(
            actor=world.users["officer_a"],
            union=world.unions["A"],
            month=SEPTEMBER,
            texts={"work_done": "  "},
            version=0,
            today=TODAY,
        )
    assert "work_done" in refused.value.message_dict
    assert not MonthlyReport.objects.filter(status="submitted").exists()


def test_returning_needs_a_comment_and_the_union_submits_again(world):
    report = submitted(world)
    with pytest.raises(ValidationError) as refused:
        monthly_report_return(actor=world.users["staff_lt"], report=report, comment=" ")
    assert "comment" in refused.value.message_dict
    report = monthly_report_return(
        actor=world.users["staff_lt"], report=report, comment="请补充活动情况。"
    )
    assert report.status == "returned" and report.reviewed_by == world.users["staff_lt"]
    # The union corrects it: saved, it stays returned (the comment stays in view)...
    assert draft(world).status == "returned"
    # ...and submitted again it goes back to the industry union.
    report = submitted(world)
    assert report.status == "submitted"
    report = monthly_report_accept(actor=world.users["staff_lt"], report=report)
    assert statuses(report) == ["submitted", "returned", "returned", "submitted", "accepted"]


def test_a_report_is_accepted_once(world):
    report = accepted(world)
    assert report.status == "accepted" and report.reviewed_by == world.users["staff_lt"]
    with pytest.raises(ValidationError) as refused:
        monthly_report_accept(actor=world.users["staff_lt"], report=report)
    assert refused.value.code == "already_done"
    with pytest.raises(ValidationError):
        monthly_report_return(actor=world.users["staff_lt"], report=report, comment="再改")
    assert statuses(report) == ["submitted", "accepted"]


def test_a_draft_or_returned_report_is_not_reviewed(world):
    report = draft(world)
    with pytest.raises(ValidationError):
        monthly_report_accept(actor=world.users["staff_lt"], report=report)
    report = returned(world)
    with pytest.raises(ValidationError):
        monthly_report_accept(actor=world.users["staff_lt"], report=report)


@pytest.mark.parametrize("persona", ["officer_a", "cadre_a", "leader_lt", "staff_aw", "no_role"])
def test_only_the_industry_unions_staff_review(world, persona):
    report = submitted(world)
    with pytest.raises(ValidationError) as refused:
        monthly_report_accept(actor=world.users[persona], report=report)
    assert refused.value.code == "not_allowed"
    report.refresh_from_db()
    assert report.status == "submitted"


@pytest.mark.parametrize("persona", ["cadre_a", "leader_lt", "staff_aw", "no_role"])
def test_only_those_who_may_change_the_union_write_its_report(world, persona):
    with pytest.raises(ValidationError) as refused:
        monthly_report_save(
            actor=world.users[persona],
            union=world.unions["A"],
            month=SEPTEMBER,
            texts=TEXTS,
            version=0,
            today=TODAY,
        )
    assert refused.value.code == "not_allowed"
    assert not MonthlyReport.objects.exists()


def test_an_officer_cannot_write_or_submit_another_unions_report(world):
    for service in (monthly_report_save, monthly_report_submit):
        with pytest.raises(ValidationError):
            service(
                actor=world.users["officer_a"],
                union=world.unions["C"],
                month=SEPTEMBER,
                texts=TEXTS,
                version=0,
                today=TODAY,
            )
    assert not MonthlyReport.objects.exists()


def test_a_branch_sends_no_report_of_its_own(world):
    branch = world.unions["A"].children.get()
    with pytest.raises(ValidationError):
        monthly_report_save(
            actor=world.users["officer_a"],
            union=branch,
            month=SEPTEMBER,
            texts=TEXTS,
            version=0,
            today=TODAY,
        )


@pytest.mark.parametrize(("day", "refused"), [(1, True), (24, True), (25, False), (30, False)])
def test_the_month_under_way_is_submitted_from_the_25th(world, day, refused):
    officer, union = world.users["officer_a"], world.unions["A"]
    november = datetime.date(2026, 11, 1)
    today = november.replace(day=day)
    if refused:
        with pytest.raises(ValidationError) as error:
            monthly_report_submit(
                actor=officer, union=union, month=november, texts=TEXTS, version=0, today=today
            )
        assert "25" in error.value.message_dict["work_done"][0]
        assert not MonthlyReport.objects.exists()
        # A draft of it may be kept all month.
        monthly_report_save(
            actor=officer, union=union, month=november, texts=TEXTS, version=0, today=today
        )
        assert MonthlyReport.objects.get().status == "draft"
    else:
        report = monthly_report_submit(
            actor=officer, union=union, month=november, texts=TEXTS, version=0, today=today
        )
        assert report.status == "submitted"


def test_a_month_before_the_plan_is_refused(world):
    with pytest.raises(ValidationError) as error:
        monthly_report_save(
            actor=world.users["officer_a"],
            union=world.unions["A"],
            month=datetime.date(2010, 12, 1),
            texts=TEXTS,
            version=0,
            today=TODAY,
        )
    assert "month" in error.value.message_dict
    assert not MonthlyReport.objects.exists()
