"""Writes of the monthly progress report (月报): the union drafts and submits it, the industry
union returns it with comments or accepts it, and asks for it when it is late.

    draft ──submit──▶ submitted ──accept──▶ accepted
      ▲                 │
      └──── returned ◀──┘ return (with a comment); the union corrects it and submits again

Every step locks the report's row (select_for_update) and checks its status inside one
transaction, so a double click or two people at once change it once: the second finds the
report already moved on and is refused with code "already_done". The union's side also names
the version of the report its texts were written on (0: none yet), and the review the version
it read: a step taken on a report someone changed since is refused (StaleRecord,
cohesion_portal.versioning), so no one saves over, submits or reviews text they did not see.
simple-history keeps each step with who took it.

Who: the union's side needs the "change" scope over the report's union (its officer; industry
staff may act for a union), the review needs "approve" (the industry union's staff).
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal import monthly_figures
from cohesion_portal.access import APPROVE, CHANGE
from cohesion_portal.dates import last_day_of_month, previous_month
from cohesion_portal.templatetags.portal import figure
from cohesion_portal.versioning import expect_version
from reminders.models import Reminder
from unions.models import Union

from ..models import MonthlyReport
from ..models import MonthlyReportStatus as Status

# The union is still to act: nothing yet, a draft, or a report sent back to it.
OUTSTANDING = (Status.DRAFT, Status.RETURNED)
# The union has done its part.
SUBMITTED = (Status.SUBMITTED, Status.ACCEPTED)
TEXT_FIELDS = ("work_done", "problems", "next_month")
# The day of the next month by which a month's report is due (after it, the report is late).
DUE_DAY = 5
# The month under way is submitted from this day (the reminders ask for it from then too).
SUBMIT_FROM_DAY = 25
EARLIEST_MONTH = datetime.date(2011, 1, 1)  # the plan was issued in 2011


def due_date(month: datetime.date) -> datetime.date:
    """The day the report of `month` is due: the 5th of the next month."""
    return (last_day_of_month(month) + datetime.timedelta(days=1)).replace(day=DUE_DAY)


def month_open_for_reporting(month: datetime.date, today: datetime.date) -> datetime.date:
    """The first day of `month`, refused when it has not begun (a report is for a month that
    is over or under way)."""
    month = month.replace(day=1)
    if month > today.replace(day=1):
        raise ValidationError(
            {"month": _("This month has not begun yet: its report cannot be written.")},
            code="future",
        )
    if month < EARLIEST_MONTH:
        raise ValidationError(
            {"month": _("Monthly reports begin with the plan, in 2011.")}, code="too_old"
        )
    return month


def month_to_report(union, today: datetime.date) -> datetime.date:
    """The month a union works on now: last month until its report is submitted, then this
    month."""
    last = previous_month(today)
    done = MonthlyReport.objects.filter(union=union, month=last, status__in=SUBMITTED).exists()
    return today.replace(day=1) if done else last


def _require_grassroots_in_scope(actor, union) -> None:
    if union.parent_id is not None:
        raise ValidationError(_("Only a grassroots union sends a monthly report."))
    if not Union.objects.for_user(actor, CHANGE).filter(pk=union.pk).exists():
        raise ValidationError(
            _("Only the union's own officers can write and submit its monthly report."),
            code="not_allowed",
        )


def _locked(union, month):
    return MonthlyReport.objects.select_for_update().filter(union=union, month=month).first()


def _write(
    *, actor, union, month, texts: dict, version, today, submit: bool, figures_seen=None
) -> MonthlyReport:
    today = today or timezone.localdate()
    month = month_open_for_reporting(month, today)
    _require_grassroots_in_scope(actor, union)
    report = _locked(union, month) or MonthlyReport(union=union, month=month)
    try:
        with transaction.atomic():
            return _apply(actor, report, texts, version, today, submit, figures_seen)
    except IntegrityError:
        if report.pk is not None:
            raise
    # Begun by someone else a moment before (a double click on a new report): go on from
    # theirs, which its status or version may now refuse.
    return _apply(actor, _locked(union, month), texts, version, today, submit, figures_seen)


def _refuse_figures_not_seen(seen: dict, now: dict) -> None:
    """A submission freezes the figures: refused when they are not the ones its sender saw
    (the records changed since the page was opened), naming what moved."""
    seen, now = as_stored(seen), as_stored(now)
    if seen == now:
        return
    registered = {figure.key: figure for figure in monthly_figures.figures()}
    moved = []
    for key, value in now.items():
        if seen.get(key) != value:
            known = registered.get(key)
            label, unit = (str(known.label), known.unit) if known else (key, "")
            moved.append(
                _("%(figure)s: %(seen)s → %(now)s")
                % {"figure": label, "seen": figure(seen.get(key), unit), "now": figure(value, unit)}
            )
    raise ValidationError(
        _(
            "The figures changed after you opened the page (%(moved)s). They are shown as "
            "they stand now: check them and submit again."
        )
        % {"moved": "；".join(moved)},
        code="figures_changed",
    )


def as_stored(figures: dict) -> dict:
    """Figures as the report's JSON field stores them, so that two copies compare equal."""
    return json.loads(json.dumps(figures, cls=DjangoJSONEncoder))


def _apply(actor, report, texts, version, today, submit, figures_seen=None) -> MonthlyReport:
    if report.status in SUBMITTED:
        raise ValidationError(
            _("This report is %(status)s: the union can no longer change it.")
            % {"status": report.get_status_display()},
            code="already_done",
        )
    expect_version(report if report.pk is not None else None, version)
    if submit and report.month == today.replace(day=1) and today.day < SUBMIT_FROM_DAY:
        raise ValidationError(
            {
                "work_done": _(
                    "This month's report can be submitted from the %(day)sth, when most of the "
                    "month's work is done; save it as a draft until then."
                )
                % {"day": SUBMIT_FROM_DAY}
            }
        )
    if submit and not any((texts.get(name) or "").strip() for name in TEXT_FIELDS):
        raise ValidationError(
            {"work_done": _("Describe the month's work before submitting the report.")}
        )
    for name in TEXT_FIELDS:
        setattr(report, name, (texts.get(name) or "").strip())
    # The figures as the records stand now; once submitted they stay as they were sent.
    report.figures = monthly_figures.collect(report.union, report.month, today)
    if submit and figures_seen is not None:
        _refuse_figures_not_seen(figures_seen, report.figures)
    if submit:
        report.status = Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = actor
    report._history_user = actor
    report.save()
    if submit:
        close_reminders(report)
    return report


@transaction.atomic
def monthly_report_save(
    *, actor, union, month, texts: dict, version: int | None, today=None
) -> MonthlyReport:
    """Save the union's report of `month` as a draft (made on first save), its figures taken
    afresh from the records. A report sent back stays "returned" until submitted again.
    `version`: the report's version the texts were written on (0: there was none)."""
    return _write(
        actor=actor,
        union=union,
        month=month,
        texts=texts,
        version=version,
        today=today,
        submit=False,
    )


@transaction.atomic
def monthly_report_submit(
    *, actor, union, month, texts: dict, version: int | None, figures_seen=None, today=None
) -> MonthlyReport:
    """Save and send the report to the industry union, with the figures as they stand now; the
    first submission or a new one after the report was returned. `version` as for a save;
    `figures_seen`, the figures the sender was shown: refused (code "figures_changed") when the
    records have moved them since, so that no one sends figures they did not see."""
    return _write(
        actor=actor,
        union=union,
        month=month,
        texts=texts,
        version=version,
        today=today,
        submit=True,
        figures_seen=figures_seen,
    )


def _for_review(actor, report) -> MonthlyReport:
    read = report
    locked = MonthlyReport.objects.for_user(actor, APPROVE).select_for_update()
    report = locked.filter(pk=report.pk).first()
    if report is None:
        raise ValidationError(
            _("Only the industry union's staff review monthly reports."), code="not_allowed"
        )
    if report.status != Status.SUBMITTED:
        raise ValidationError(
            _("This report is %(status)s: there is nothing to review.")
            % {"status": report.get_status_display()},
            code="already_done",
        )
    # Returned and submitted again since the reviewer read it: they review what they saw.
    expect_version(report, read.version)
    return report


@transaction.atomic
def monthly_report_return(*, actor, report: MonthlyReport, comment: str) -> MonthlyReport:
    """The industry union sends a submitted report back to the union, saying what to change."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what the union should add or correct.")})
    report = _for_review(actor, report)
    report.status = Status.RETURNED
    report.review_comment = comment
    report.reviewed_at = timezone.now()
    report.reviewed_by = actor
    report._history_user = actor
    report.save()
    return report


@transaction.atomic
def monthly_report_accept(*, actor, report: MonthlyReport, comment: str = "") -> MonthlyReport:
    """The industry union accepts a submitted report (a comment is optional)."""
    report = _for_review(actor, report)
    report.status = Status.ACCEPTED
    report.review_comment = (comment or "").strip()
    report.reviewed_at = timezone.now()
    report.reviewed_by = actor
    report._history_user = actor
    report.save()
    return report


# --- Asking for reports (the reminders app) ----------------------------------------------------

REQUESTED = "reports.monthly_requested"


def reminder_key(kind: str, union_id: int, month: datetime.date) -> str:
    """One reminder per kind, union and month: the same key twice is the same reminder."""
    return f"{kind}:{union_id}:{month:%Y-%m}"


@dataclass
class Sent:
    opened: int = 0
    already: int = 0  # had an open reminder for the month already
    submitted: int = 0  # had submitted meanwhile: nothing to ask
    reminded: list = field(default_factory=list)  # the names of the unions asked now


@transaction.atomic
def monthly_reminders_send(*, actor, month: datetime.date, union_ids=None, today=None) -> Sent:
    """The industry union asks unions for the report of `month`: one union, or (`union_ids`
    None) every one in the actor's area that has not submitted. Opens a reminder for each
    through the reminders app; asking again opens nothing twice (the key names the month), and
    a union that already has an open reminder for the month (due, late or asked) gets no
    second one. The daily refresh closes them once the report is submitted."""
    from ..monthly_reminders import KINDS, fill_url
    from ..selectors.monthly import expected_unions

    today = today or timezone.localdate()
    month = month_open_for_reporting(month, today)
    in_scope = expected_unions(Union.objects.for_user(actor, APPROVE))
    if union_ids is not None:
        in_scope = in_scope.filter(pk__in=union_ids)
    unions = list(in_scope.values_list("pk", "name"))
    if union_ids is not None and len(unions) < len(set(union_ids)):
        raise ValidationError(
            _("Only the industry union's staff ask for monthly reports."), code="not_allowed"
        )
    sent = Sent()
    done = set(
        MonthlyReport.objects.filter(
            month=month, status__in=SUBMITTED, union__in=in_scope.values("pk")
        ).values_list("union_id", flat=True)
    )
    waiting = [(pk, name) for pk, name in unions if pk not in done]
    sent.submitted = len(unions) - len(waiting)
    keys = [reminder_key(kind, pk, month) for kind in KINDS for pk, _name in waiting]
    known = {}  # key: whether it is open
    for start in range(0, len(keys), 500):
        rows = Reminder.objects.filter(key__in=keys[start : start + 500]).order_by()
        known.update((key, closed is None) for key, closed in rows.values_list("key", "closed_at"))
    new, reopen = [], []
    for pk, name in waiting:
        if any(known.get(reminder_key(kind, pk, month)) for kind in KINDS):
            sent.already += 1
            continue
        sent.reminded.append(name)
        key = reminder_key(REQUESTED, pk, month)
        if key in known:
            # Asked before and closed since (marked as handled, say): asked again, it opens.
            reopen.append(key)
            continue
        new.append(
            Reminder(
                union_id=pk,
                kind=REQUESTED,
                key=key,
                subject=f"{month:%Y-%m}",
                url=fill_url(month, pk),
                due_on=due_date(month),
            )
        )
    for start in range(0, len(reopen), 500):
        sent.opened += Reminder.objects.filter(
            key__in=reopen[start : start + 500], closed_at__isnull=False
        ).update(closed_at=None, handled=False, closed_by=None)
    # (ignore_conflicts: two people asking at the same moment open one reminder.)
    Reminder.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
    sent.opened += len(new)
    return sent


def close_reminders(report: MonthlyReport) -> int:
    """On submission: the month's open reminders of the union close now rather than at the next
    morning's refresh (which would close them anyway)."""
    from ..monthly_reminders import KINDS

    keys = [reminder_key(kind, report.union_id, report.month) for kind in KINDS]
    return Reminder.objects.filter(key__in=keys, closed_at__isnull=True).update(
        closed_at=timezone.now()
    )
