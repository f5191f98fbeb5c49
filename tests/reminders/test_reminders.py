"""The daily reminders: contracts expiring, offers unanswered, congresses overdue.

Each case is built by hand around a fixed day; the task runs twice and must not repeat itself.
"""

import datetime

import pytest
from django.urls import reverse

from contracts.models import CollectiveContract, CongressSession, NegotiationOffer
from reminders.models import Reminder
from reminders.services import refresh_reminders

from ..scoping import congress_of, contract_of, offer_of

TODAY = datetime.date(2026, 11, 25)


def days(n):
    return TODAY + datetime.timedelta(days=n)


def contract_ending(union, ends, title):
    contract = contract_of(union)
    CollectiveContract.objects.filter(pk=contract.pk).update(
        title=title, signed_on=days(-400), effective_from=days(-365), effective_to=ends
    )
    return contract


def open_reminders():
    return sorted((r.kind, r.subject, r.stage) for r in Reminder.objects.open())


@pytest.mark.django_db
def test_contracts_expiring_are_reminded_at_90_60_and_30_days(world):
    union = world.unions["A"]
    contract_ending(union, days(10), "十天后到期")
    contract_ending(union, days(45), "四十五天后到期")
    contract_ending(union, days(90), "九十天后到期")
    contract_ending(union, days(91), "九十一天后到期")
    contract_ending(union, days(-1), "昨天已到期")
    refresh_reminders(TODAY)
    assert open_reminders() == [
        ("contracts.expiring", "九十天后到期", "90"),
        ("contracts.expiring", "十天后到期", "30"),
        ("contracts.expiring", "四十五天后到期", "60"),
    ]


@pytest.mark.django_db
def test_running_twice_makes_no_duplicates_and_the_next_stage_replaces_the_last(world):
    contract = contract_ending(world.unions["A"], days(61), "六十一天后到期")
    first = refresh_reminders(TODAY)
    again = refresh_reminders(TODAY)
    assert (first.opened, again.opened, again.closed) == (1, 0, 0)
    assert Reminder.objects.count() == 1

    # Two days later it is inside 60 days: the 90-day reminder closes, a 60-day one opens.
    later = refresh_reminders(days(2))
    assert (later.opened, later.closed) == (1, 1)
    stages = {r.stage: r.closed_at is None for r in Reminder.objects.all()}
    assert stages == {"90": False, "60": True}
    assert Reminder.objects.get(stage="60").url == contract.get_absolute_url()


@pytest.mark.django_db
def test_an_offer_unanswered_past_20_days_is_reminded_until_the_reply_comes(world):
    offer = offer_of(world.unions["A"])
    NegotiationOffer.objects.filter(pk=offer.pk).update(sent_on=days(-21))
    fresh = offer_of(world.unions["A"])
    NegotiationOffer.objects.filter(pk=fresh.pk).update(sent_on=days(-20), subject="刚满二十天")
    refresh_reminders(TODAY)
    reminder = Reminder.objects.open().get()
    assert (reminder.kind, reminder.subject) == ("contracts.offer_unanswered", offer.subject)
    assert reminder.due_on == days(-1)

    NegotiationOffer.objects.filter(pk=offer.pk).update(replied_on=TODAY, reply="accepted")
    assert refresh_reminders(TODAY).closed == 1
    assert not Reminder.objects.open().exists()
    assert Reminder.objects.get().closed_by is None  # closed by the task, not a person

    # The reply was entered by mistake and taken back: the reminder opens again, still one row.
    NegotiationOffer.objects.filter(pk=offer.pk).update(replied_on=None, reply="")
    assert refresh_reminders(TODAY).reopened == 1
    assert Reminder.objects.open().count() == Reminder.objects.count() == 1


@pytest.mark.django_db
def test_a_congress_without_a_session_in_12_months_is_overdue(world):
    met = congress_of(world.unions["A"])
    CongressSession.objects.create(
        congress=met, held_on=days(-364), delegates_elected=50, delegates_present=45, items="工资"
    )
    lapsed = congress_of(world.unions["A"])
    CongressSession.objects.create(
        congress=lapsed, held_on=days(-365), delegates_elected=50, delegates_present=45, items="x"
    )
    never = congress_of(world.unions["A"])  # established 2020, never met
    refresh_reminders(TODAY)
    overdue = Reminder.objects.open().filter(kind="contracts.congress_overdue")
    assert sorted(r.url for r in overdue) == sorted(
        reverse("contracts:congress_detail", args=[c.pk]) for c in (lapsed, never)
    )
    assert overdue.get(url=lapsed.get_absolute_url()).due_on == days(0)


@pytest.mark.django_db
def test_a_reminder_marked_as_handled_stays_closed(client, world):
    contract_ending(world.unions["A"], days(20), "二十天后到期")
    refresh_reminders(TODAY)
    reminder = Reminder.objects.get()
    client.force_login(world.users["officer_a"])
    response = client.post(reverse("reminders:handled", args=[reminder.pk]))
    assert response.status_code == 302
    reminder.refresh_from_db()
    assert reminder.closed_by == world.users["officer_a"]
    refresh_reminders(TODAY)
    assert not Reminder.objects.open().exists()


@pytest.mark.django_db
def test_officers_see_their_reminders_once_on_the_home_page_and_in_the_list(client, world):
    contract_ending(world.unions["A"], days(20), "甲工会合同二十天后到期")
    contract_ending(world.unions["B"], days(20), "乙工会合同二十天后到期")
    refresh_reminders(TODAY)
    refresh_reminders(TODAY)
    client.force_login(world.users["officer_a"])
    home = client.get(reverse("home")).content.decode()
    assert home.count("甲工会合同二十天后到期") == 1
    assert "乙工会合同二十天后到期" not in home
    assert client.get(reverse("home")).context["open_reminder_count"]() == 1
    listed = client.get(reverse("reminders:list")).context["table"].page.object_list
    assert [row.record.subject for row in listed] == ["甲工会合同二十天后到期"]

    client.force_login(world.users["staff_aw"])  # union B's industry union
    listed = client.get(reverse("reminders:list")).context["table"].page.object_list
    assert [row.record.subject for row in listed] == ["乙工会合同二十天后到期"]


@pytest.mark.django_db
def test_the_celery_task_runs_the_rules(world, settings):
    from reminders.tasks import refresh_daily as task

    offer = offer_of(world.unions["A"])
    NegotiationOffer.objects.filter(pk=offer.pk).update(sent_on=datetime.date(2020, 1, 1))
    result = task.apply().get()  # in this process, whichever broker is configured
    assert result["opened"] == 1
    assert task.apply().get()["opened"] == 0
    assert "refresh reminders" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.django_db
def test_a_reminder_follows_its_record_to_another_union_and_a_corrected_date(world):
    offer = offer_of(world.unions["A"])
    NegotiationOffer.objects.filter(pk=offer.pk).update(sent_on=days(-30))
    refresh_reminders(TODAY)
    assert Reminder.objects.get().due_on == days(-10)

    # The offer was entered under the wrong union and on the wrong date: both corrected.
    NegotiationOffer.objects.filter(pk=offer.pk).update(
        union=world.unions["C"], sent_on=days(-25), subject="更正后的要约"
    )
    refresh_reminders(TODAY)
    reminder = Reminder.objects.get()
    assert (reminder.union, reminder.due_on, reminder.subject) == (
        world.unions["C"],
        days(-5),
        "更正后的要约",
    )


@pytest.mark.django_db
def test_the_list_shows_open_reminders_unless_asked_and_read_only_roles_cannot_mark(client, world):
    contract_ending(world.unions["A"], days(20), "仍需续签的合同")
    ended = contract_ending(world.unions["A"], days(50), "已续签的合同")
    refresh_reminders(TODAY)
    CollectiveContract.objects.filter(pk=ended.pk).update(effective_to=days(400))
    refresh_reminders(TODAY)  # closes the renewed contract's reminder

    client.force_login(world.users["officer_a"])
    page = client.get(reverse("reminders:list"))
    assert [row.record.subject for row in page.context["table"].page.object_list] == [
        "仍需续签的合同"
    ]
    assert "标记为已处理" in page.content.decode()
    closed = client.get(reverse("reminders:list"), {"state": "closed"})
    assert [row.record.subject for row in closed.context["table"].page.object_list] == [
        "已续签的合同"
    ]

    client.force_login(world.users["cadre_a"])  # sees union A, changes nothing
    page = client.get(reverse("reminders:list"))
    assert len(page.context["table"].page.object_list) == 1
    assert "标记为已处理" not in page.content.decode()


@pytest.mark.django_db
def test_a_handled_reminder_stays_closed_after_its_handler_account_is_deleted(client, world):
    from accounts.models import User

    contract_ending(world.unions["A"], days(20), "二十天后到期")
    refresh_reminders(TODAY)
    helper = User.objects.create(username="temp-officer")
    from reminders.services import reminder_mark_handled

    assert reminder_mark_handled(actor=helper, reminder=Reminder.objects.get())
    assert not reminder_mark_handled(actor=helper, reminder=Reminder.objects.get())
    helper.delete()
    assert refresh_reminders(TODAY).reopened == 0
    assert not Reminder.objects.open().exists()
