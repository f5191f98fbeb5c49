"""Writes to appeals (职工诉求): filing (by a worker online or by an officer who took a visit,
a call or a letter), moving through the statuses, routing, and the worker's rating. Every write
adds a step, which the worker's tracking page shows, and a history row."""

import datetime
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.workdays import add_workdays
from unions.models import Union
from unions.models.tree import phone_validator

from ..models import (
    Appeal,
    AppealClass,
    AppealStatus,
    AppealStep,
    Channel,
    Satisfaction,
)

# Working days past its deadline after which an unanswered appeal is the industry union's to
# follow up (the union itself is reminded from the day after the deadline).
ESCALATION_WORKDAYS = 5
# The code's letters and digits leave out those read alike (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def appeal_errors(*, appeal: Appeal) -> dict:
    """What is wrong with a new or edited `appeal`, field by field (forms show the same)."""
    errors = {}
    if appeal.received_on and appeal.received_on > timezone.localdate():
        errors["received_on"] = _("The date cannot be in the future.")
    if not appeal.is_anonymous and not appeal.name.strip():
        errors["name"] = _("Enter the worker's name, or mark the appeal anonymous.")
    if appeal.phone:
        try:
            phone_validator(appeal.phone)
        except ValidationError as error:
            errors["phone"] = error.messages[0]
    if (
        appeal.union_id
        and appeal.industry_union_id
        and appeal.union.industry_union_id != appeal.industry_union_id
    ):
        errors["union"] = _("The union is not under this industry union.")
    return errors


def deadlines(received_on: datetime.date, appeal_class: AppealClass):
    """The day the answer is due (its end) and the day after which the industry union follows
    up, both counted in working days (statutory holidays and make-up days included)."""
    deadline = add_workdays(received_on, appeal_class.working_days)
    return deadline, add_workdays(deadline, ESCALATION_WORKDAYS)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _new_tracking_number(day: datetime.date) -> str:
    return f"SQ{day:%Y%m%d}{secrets.randbelow(10**6):06d}"


@transaction.atomic
def appeal_file(*, actor, appeal: Appeal) -> tuple[Appeal, str]:
    """File a new appeal (`actor` None: the worker, online). Returns it with the secret code,
    which is shown once, to be told to the worker, and kept only as a hash."""
    if actor is None:
        appeal.channel, appeal.received_on = Channel.ONLINE, timezone.localdate()
    if not appeal.appeal_class_id:
        appeal.appeal_class = AppealClass.objects.first()
    errors = appeal_errors(appeal=appeal)
    if errors:
        raise ValidationError(errors)
    if appeal.is_anonymous:
        appeal.name = ""
    appeal.deadline, appeal.escalates_on = deadlines(appeal.received_on, appeal.appeal_class)
    code = _new_code()
    appeal.code_hash = make_password(code)
    appeal.status = AppealStatus.RECEIVED
    appeal._history_user = actor
    for attempt in range(5):
        appeal.tracking_number = _new_tracking_number(appeal.received_on)
        try:
            with transaction.atomic():
                appeal.save()
            break
        except IntegrityError:  # the number was taken: draw another
            appeal.pk = None
            if attempt == 4:
                raise
    AppealStep.objects.create(appeal=appeal, status=AppealStatus.RECEIVED, by=actor)
    return appeal, code


@transaction.atomic
def appeal_move(
    *,
    actor,
    appeal: Appeal,
    status: str,
    note: str = "",
    appeal_class: AppealClass | None = None,
    answer: str = "",
    satisfaction: str = "",
) -> Appeal:
    """Move `appeal` to `status`: accepting may set its class (and so its deadline); answering
    needs the answer; closing one never accepted needs the reason; closing may record the
    worker's satisfaction as they said it."""
    current = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if status not in current.next_statuses:
        raise ValidationError(
            {
                "status": _("The appeal is %(now)s now: it cannot move to %(to)s.")
                % {
                    "now": current.get_status_display(),
                    "to": AppealStatus(status).label if status in AppealStatus.values else status,
                }
            }
        )
    today = timezone.localdate()
    if status == AppealStatus.ANSWERED and not answer.strip():
        raise ValidationError({"answer": _("Write the answer the worker will read.")})
    not_accepted = status == AppealStatus.CLOSED and current.status == AppealStatus.RECEIVED
    if not_accepted and not note.strip():
        raise ValidationError({"note": _("Say why the appeal is not accepted.")})
    if satisfaction and satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose one of the answers.")})
    appeal.refresh_from_db()
    appeal.status = status
    if appeal_class and status == AppealStatus.ACCEPTED:
        appeal.appeal_class = appeal_class
        appeal.deadline, appeal.escalates_on = deadlines(appeal.received_on, appeal_class)
    if status == AppealStatus.ANSWERED:
        appeal.answer, appeal.answered_on = answer.strip(), today
    if status == AppealStatus.CLOSED:
        appeal.closed_on = today
        appeal.satisfaction = satisfaction or appeal.satisfaction
    appeal._history_user = actor
    appeal.save()
    AppealStep.objects.create(appeal=appeal, status=status, note=note.strip(), by=actor)
    return appeal


@transaction.atomic
def appeal_route(*, actor, appeal: Appeal, union: Union | None, note: str = "") -> Appeal:
    """Hand `appeal` to `union` (None: back to its industry union), which answers it from now
    on; its deadline does not move."""
    current = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if current.status in (AppealStatus.ANSWERED, AppealStatus.CLOSED):
        raise ValidationError(
            {"union": _("An answered or closed appeal is not routed: move it back first.")}
        )
    if union is not None and union.industry_union_id != current.industry_union_id:
        raise ValidationError({"union": _("The union is not under this industry union.")})
    if union is not None and union.status != "active":
        raise ValidationError({"union": _("The union is dissolved.")})
    if union is not None and current.union_id == union.pk:
        raise ValidationError({"union": _("The appeal is with this union already.")})
    appeal.refresh_from_db()
    appeal.union = union
    appeal._history_user = actor
    appeal.save()
    AppealStep.objects.create(
        appeal=appeal,
        status=appeal.status,
        routed=True,
        routed_to=union,
        note=note.strip(),
        by=actor,
    )
    return appeal


def appeal_for_worker(tracking_number: str, code: str) -> Appeal | None:
    """The appeal with this tracking number if `code` is its code; None otherwise, in the same
    time whether the number is unknown or the code wrong (nothing tells the two apart)."""
    appeal = Appeal.objects.filter(tracking_number=tracking_number.strip().upper()).first()
    if appeal is None:
        make_password(code)  # (as long as a check: an unknown number is not answered faster)
        return None
    return appeal if check_password(code.strip().upper(), appeal.code_hash) else None


@transaction.atomic
def appeal_rate(*, appeal: Appeal, satisfaction: str, comment: str = "") -> Appeal:
    """The worker rates the answer on the tracking page, which closes the appeal."""
    if satisfaction not in Satisfaction.values:
        raise ValidationError({"satisfaction": _("Choose one of the answers.")})
    current = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if current.status != AppealStatus.ANSWERED:
        raise ValidationError(
            {"satisfaction": _("The appeal can be rated once it is answered, and only once.")}
        )
    return appeal_move(
        actor=None,
        appeal=appeal,
        status=AppealStatus.CLOSED,
        note=comment,
        satisfaction=satisfaction,
    )
