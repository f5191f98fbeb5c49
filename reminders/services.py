"""Opening and closing reminders. The daily task and the pages come through here."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cohesion_portal import reminder_rules
from cohesion_portal.reminder_rules import Rule

from .models import Reminder

BATCH = 500


@dataclass
class RefreshCount:
    opened: int = 0
    reopened: int = 0
    closed: int = 0


def refresh_reminders(today) -> RefreshCount:
    """Open what every rule finds due today and close what is no longer due.

    Idempotent: a reminder's key names its occasion and is unique, so a second run, or two
    at once, finds the rows already there and only brings their details up to date (a record
    moved to another union, a deadline corrected). A reminder marked as handled stays closed.
    """
    count = RefreshCount()
    for rule in reminder_rules.rules():
        with transaction.atomic():
            _refresh_rule(rule, today, count)
    return count


def _refresh_rule(rule: Rule, today, count: RefreshCount) -> None:
    due = {d.key: d for d in rule.find(today)}
    keys = list(due)
    known: set[str] = set()
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        known.update(Reminder.objects.filter(key__in=chunk).values_list("key", flat=True))
        # Due again after the task closed it (a reply entered, then taken back): open it again.
        count.reopened += Reminder.objects.filter(
            key__in=chunk, closed_at__isnull=False, handled=False
        ).update(closed_at=None)
    rows = [
        Reminder(
            union_id=d.union_id,
            kind=rule.kind,
            key=d.key,
            subject=d.subject[:200],
            url=d.url,
            stage=d.stage,
            due_on=d.due_on,
        )
        for d in due.values()
    ]
    Reminder.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["union", "subject", "url", "stage", "due_on"],
    )
    count.opened += len(due.keys() - known)
    stale = [
        pk
        for key, pk in Reminder.objects.filter(kind=rule.kind).open().values_list("key", "pk")
        if key not in due
    ]
    now = timezone.now()
    for start in range(0, len(stale), BATCH):
        count.closed += Reminder.objects.filter(
            pk__in=stale[start : start + BATCH], closed_at__isnull=True
        ).update(closed_at=now)


def reminder_mark_handled(*, actor, reminder: Reminder) -> bool:
    """An officer closes a reminder; it stays closed while its occasion lasts. False if it was
    closed already (by the task, or by someone else a moment before)."""
    return bool(
        Reminder.objects.filter(pk=reminder.pk, closed_at__isnull=True).update(
            closed_at=timezone.now(), closed_by=actor, handled=True
        )
    )
