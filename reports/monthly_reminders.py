"""The reports app's reminder rules: the monthly progress report due, late, and asked for.

The daily refresh (Celery beat, `reminders.refresh` at 06:30) runs every rule, so the calendar
lives here, not in a schedule of its own:

- from the 25th of a month, every grassroots union that has not submitted that month's report
  has a reminder "monthly report due" (due on the 5th of the next month);
- from the 6th of the next month, "monthly report late" instead (the "due" one closes, as it is
  no longer found);
- the late reminder lasts through that next month; on the 1st of the month after, the report
  has dropped out of the reminders (the status page still shows it not submitted), so a union
  never collects a reminder for every month it missed;
- "asked for by the industry union": opened by a person (monthly_reminders_send) and found
  again each day while the report is outstanding.

Every reminder of a month closes itself at the next refresh once the report is submitted (the
submission closes them at once, too). A returned report is outstanding again: its reminders
open again while the month is in play.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.dates import previous_month
from cohesion_portal.reminder_rules import Due, Rule
from reminders.models import Reminder

from .models import MonthlyReport
from .selectors.monthly import expected_unions, outstanding
from .services.monthly import REQUESTED, SUBMIT_FROM_DAY, SUBMITTED, due_date, reminder_key

DUE = "reports.monthly_due"
LATE = "reports.monthly_late"
KINDS = (DUE, LATE, REQUESTED)
OPENS_ON_DAY = SUBMIT_FROM_DAY  # of the month reported on: due from the day it may be sent


def fill_url(month: datetime.date, union_id: int | None = None) -> str:
    url = f"{reverse('reports:monthly_fill')}?month={month:%Y-%m}"
    return f"{url}&union={union_id}" if union_id else url


def months_in_play(today: datetime.date) -> list[tuple[datetime.date, str]]:
    """[(month, DUE or LATE)] whose reports the rules follow on `today`."""
    last = previous_month(today)
    months = [(last, DUE if today <= due_date(last) else LATE)]
    if today.day >= OPENS_ON_DAY:
        months.append((today.replace(day=1), DUE))
    return months


def _reminders(kind: str, today: datetime.date):
    for month, stage in months_in_play(today):
        if stage != kind:
            continue
        for pk in outstanding(expected_unions(), month).values_list("pk", flat=True):
            yield Due(
                union_id=pk,
                key=reminder_key(kind, pk, month),
                subject=f"{month:%Y-%m}",
                url=fill_url(month, pk),
                due_on=due_date(month),
            )


def reports_due(today: datetime.date):
    """From the 25th to the 5th of the next month: the month's report is due."""
    return _reminders(DUE, today)


def reports_late(today: datetime.date):
    """From the 6th of the next month to its end: the report is late."""
    return _reminders(LATE, today)


def reports_requested(today: datetime.date):
    """The industry union's own requests, for as long as the report is outstanding."""
    open_rows = list(
        Reminder.objects.filter(kind=REQUESTED, closed_at__isnull=True).values_list(
            "key", "union_id", "subject", "url", "due_on"
        )
    )
    months = {datetime.date.fromisoformat(f"{key.rsplit(':', 1)[1]}-01") for key, *_ in open_rows}
    done = set(
        MonthlyReport.objects.filter(month__in=months, status__in=SUBMITTED).values_list(
            "union_id", "month"
        )
    )
    for key, union_id, subject, url, due_on in open_rows:
        month = datetime.date.fromisoformat(f"{key.rsplit(':', 1)[1]}-01")
        if (union_id, month) not in done:
            yield Due(union_id=union_id, key=key, subject=subject, url=url, due_on=due_on)


RULES = (
    Rule(DUE, _("Monthly report due by the 5th"), reports_due, "bi-journal-text"),
    Rule(LATE, _("Monthly report late"), reports_late, "bi-journal-x"),
    Rule(
        REQUESTED,
        _("Monthly report asked for by the industry union"),
        reports_requested,
        "bi-journal-arrow-up",
    ),
)
