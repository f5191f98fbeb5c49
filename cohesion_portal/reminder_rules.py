"""The reminder rules. Each app declares its own in REMINDER_RULES of its portal.py
(cohesion_portal.plugins):

    REMINDER_RULES = [Rule("contracts.offer_unanswered", _("..."), offers_unanswered)]

A rule's `find(today)` returns a `Due` for every reminder that should be open on that day, for
all unions at once. The daily task (`reminders.tasks.refresh_daily`, through
`reminders.services.refresh_reminders`) opens the new ones and closes those no longer due; no
rule writes reminders itself.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .registry import Registry


@dataclass(frozen=True)
class Due:
    union_id: int
    # One reminder per occasion: the rule, the record and what makes this occasion (the
    # deadline, the stage). The same key on another day is the same reminder.
    key: str
    subject: str
    url: str
    due_on: datetime.date | None = None
    stage: str = ""


@dataclass(frozen=True)
class Rule:
    kind: str
    # Shown before the subject; may use %(stage)s.
    label: str
    find: Callable[[datetime.date], Iterable[Due]]
    icon: str = "bi-bell"


# A rule's key is its kind, which the reminders it opens keep.
RULES: Registry[Rule] = Registry("reminder rule", key=lambda rule: rule.kind)


def rules() -> list[Rule]:
    return list(RULES)


def rule_for(kind: str) -> Rule | None:
    return RULES.get(kind)
