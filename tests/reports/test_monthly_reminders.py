"""The monthly report's reminder rules, day by day, and the industry union's own reminders."""

import datetime

import pytest

from reminders.models import Reminder
from reminders.services import refresh_reminders
from reports.monthly_reminders import reports_due, reports_late
from reports.services.monthly import monthly_reminders_send

from .monthly_helpers import accepted, draft, returned, submitted

pytestmark = pytest.mark.django_db

D = datetime.date
OCTOBER = D(2026, 10, 1)


def due(rule, day):
    """{(union name, month)} the rule finds on `day`."""
    from unions.models import Union

    names = dict(Union.objects.values_list("pk", "name"))
    return {(names[d.union_id], d.subject) for d in rule(day)}


ALL_OCTOBER = {(f"单元{label}工会委员会", "2026-10") for label in "ABC"}


def test_nothing_is_due_on_the_24th(world):
    # (September's report is late by then: the late rule's business.)
    assert due(reports_due, D(2026, 10, 24)) == set()


def test_from_the_25th_the_months_report_is_due(world):
    assert due(reports_due, D(2026, 10, 25)) == ALL_OCTOBER
    assert due(reports_late, D(2026, 10, 25)) == {
        (f"单元{label}工会委员会", "2026-09") for label in "ABC"
    }


def test_it_is_still_due_on_the_5th_and_late_on_the_6th(world):
    assert due(reports_due, D(2026, 11, 5)) == ALL_OCTOBER
    assert due(reports_late, D(2026, 11, 5)) == set()
    assert due(reports_due, D(2026, 11, 6)) == set()
    assert due(reports_late, D(2026, 11, 6)) == ALL_OCTOBER


def test_a_submitted_or_accepted_report_is_neither_due_nor_late(world):
    submitted(world, "A", OCTOBER)
    accepted(world, "B", OCTOBER)
    draft(world, "C", OCTOBER)  # a draft is not submitted
    assert due(reports_due, D(2026, 10, 30)) == {("单元C工会委员会", "2026-10")}
    assert due(reports_late, D(2026, 11, 6)) == {("单元C工会委员会", "2026-10")}


def test_a_returned_report_is_outstanding_again(world):
    returned(world, "A", OCTOBER)
    assert ("单元A工会委员会", "2026-10") in due(reports_late, D(2026, 11, 6))


def test_a_late_report_drops_out_of_the_reminders_after_the_next_month(world):
    assert {m for _n, m in due(reports_late, D(2026, 11, 30))} == {"2026-10"}
    assert {m for _n, m in due(reports_late, D(2026, 12, 6))} == {"2026-11"}


def test_the_daily_refresh_opens_them_and_closes_them_once_the_report_is_submitted(world):
    refresh_reminders(D(2026, 11, 2))
    open_ = Reminder.objects.open().filter(kind="reports.monthly_due")
    assert open_.count() == 3
    refresh_reminders(D(2026, 11, 2))  # a second run opens nothing twice
    assert open_.count() == 3
    submitted(world, "A", OCTOBER)  # closes A's at once
    assert open_.count() == 2
    refresh_reminders(D(2026, 11, 6))  # the due ones close, the late ones open
    assert not open_.exists()
    late = Reminder.objects.open().filter(kind="reports.monthly_late")
    assert sorted(late.values_list("union__name", flat=True)) == [
        "单元B工会委员会",
        "单元C工会委员会",
    ]
    reminder = late.first()
    assert reminder.subject == "2026-10"
    assert reminder.due_on == D(2026, 11, 5)
    assert "month=2026-10" in reminder.url


def test_sending_a_reminder_twice_opens_one(world):
    staff = world.users["staff_lt"]
    a = world.unions["A"]
    first = monthly_reminders_send(
        actor=staff, month=OCTOBER, union_ids=[a.pk], today=D(2026, 10, 20)
    )
    again = monthly_reminders_send(
        actor=staff, month=OCTOBER, union_ids=[a.pk], today=D(2026, 10, 20)
    )
    assert (first.opened, again.opened, again.already) == (1, 0, 1)
    reminder = Reminder.objects.get(kind="reports.monthly_requested")
    assert reminder.union == a and reminder.key.endswith(":2026-10")


def test_sending_to_all_skips_those_that_submitted_and_those_out_of_the_area(world):
    submitted(world, "A", OCTOBER)
    sent = monthly_reminders_send(
        actor=world.users["staff_lt"], month=OCTOBER, today=D(2026, 11, 1)
    )
    assert (sent.opened, sent.submitted) == (1, 1)  # C only; B is the other industry union's
    assert list(Reminder.objects.values_list("union__name", flat=True)) == ["单元C工会委员会"]
    assert (
        monthly_reminders_send(
            actor=world.users["staff_lt"], month=OCTOBER, today=D(2026, 11, 1)
        ).opened
        == 0
    )


def test_a_union_with_an_open_reminder_for_the_month_gets_no_second(world):
    refresh_reminders(D(2026, 10, 26))  # October due for all
    sent = monthly_reminders_send(
        actor=world.users["staff_lt"], month=OCTOBER, today=D(2026, 10, 26)
    )
    assert (sent.opened, sent.already) == (0, 2)


def test_an_asked_for_reminder_stays_open_until_the_report_is_submitted(world):
    monthly_reminders_send(actor=world.users["staff_lt"], month=OCTOBER, today=D(2026, 10, 20))
    asked = Reminder.objects.open().filter(kind="reports.monthly_requested")
    refresh_reminders(D(2026, 10, 21))
    assert asked.count() == 2
    submitted(world, "C", OCTOBER)
    refresh_reminders(D(2026, 10, 22))
    assert list(asked.values_list("union__name", flat=True)) == ["单元A工会委员会"]


@pytest.mark.parametrize("persona", ["officer_a", "cadre_a", "leader_lt", "staff_aw"])
def test_only_the_industry_unions_staff_send_reminders(world, persona):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        monthly_reminders_send(
            actor=world.users[persona],
            month=OCTOBER,
            union_ids=[world.unions["A"].pk],
            today=D(2026, 11, 1),
        )
    assert not Reminder.objects.exists()
