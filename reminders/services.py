"""Opening and closing reminders. The daily task and the pages come through here."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import Reminder
from .registry import Rule, rules

BATCH = 500


@dataclass
class RefreshCount:
    opened: int = 0
    reopened: int = 0
    closed: int = 0


def refresh_reminders(today) -> RefreshCount:
    """Open what every rule finds due today and close what is no longer due.

    Idempotent: a reminder's key names its occasion, so a second run (or two at once) finds
    the rows already there. A reminder someone marked as handled stays closed.
    """
    count = RefreshCount()
    for rule in rules():
        with transaction.atomic():
            _refresh_rule(rule, today, count)
    return count


def _refresh_rule(rule: Rule, today, count: RefreshCount) -> None:
    due = {d.key: d for d in rule.find(today)}
    known: dict[str, tuple[int, bool]] = {}  # key -> (pk, closed by the task)
    keys = list(due)
    for start in range(0, len(keys), BATCH):
        rows = Reminder.objects.filter(key__in=keys[start : start + BATCH]).values_list(
            "key", "pk", "closed_at", "closed_by_id"
        )
        known.update(
            {key: (pk, closed_at is not None and by is None) for key, pk, closed_at, by in rows}
        )
    new = [
        Reminder(
            union_id=d.union_id,
            kind=rule.kind,
            key=d.key,
            subject=d.subject[:200],
            url=d.url,
            stage=d.stage,
            due_on=d.due_on,
        )
        for key, d in due.items()
        if key not in known
    ]
    Reminder.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    count.opened += len(new)
    # Due again after the task closed it (a reply entered, then taken back): open it again.
    reopen = [pk for pk, closed_by_task in known.values() if closed_by_task]
    for start in range(0, len(reopen), BATCH):
        count.reopened += Reminder.objects.filter(pk__in=reopen[start : start + BATCH]).update(
            closed_at=None
        )
    stale = [
        pk
        for key, pk in Reminder.objects.filter(kind=rule.kind).open().values_list("key", "pk")
        if key not in due
    ]
    now = timezone.now()
    for start in range(0, len(stale), BATCH):
        count.closed += Reminder.objects.filter(pk__in=stale[start : start + BATCH]).update(
            closed_at=now
        )


def reminder_mark_handled(*, actor, reminder: Reminder) -> Reminder:
    """An officer closes a reminder; it stays closed while its occasion lasts."""
    if reminder.closed_at is None:
        reminder.closed_at = timezone.now()
        reminder.closed_by = actor
        reminder.save(update_fields=["closed_at", "closed_by"])
    return reminder
