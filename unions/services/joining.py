"""网上入会: the join page's code, applications, and the union's decision on them."""

import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..id_numbers import parse_id_number
from ..models import JoinApplication, JoinApplicationStatus, Member, Union
from .members import member_enrol


def union_join_code(*, union: Union) -> str:
    """The code in the union's public join address, made once; safe to call again and again."""
    if union.join_code:
        return union.join_code
    Union.objects.filter(pk=union.pk, join_code__isnull=True).update(
        join_code=secrets.token_urlsafe(9)
    )
    union.refresh_from_db(fields=["join_code"])
    return union.join_code


def join_apply(*, union: Union, name, id_number, phone, enterprise, is_migrant) -> JoinApplication:
    """Record an application. A second one from the same person while the first waits is the
    same application. Whether the person is a member elsewhere is never told here: the
    union's officers see it when they decide."""
    number = parse_id_number(id_number).number
    pending = JoinApplication.objects.filter(
        union=union, id_number=number, status=JoinApplicationStatus.PENDING
    )
    if pending.exists():
        return pending.get()
    try:
        with transaction.atomic():
            return JoinApplication.objects.create(
                union=union,
                name=name,
                id_number=number,
                phone=phone,
                enterprise=enterprise,
                is_migrant=is_migrant,
            )
    except IntegrityError:  # the same person sent it twice at the same moment
        return pending.get()


@transaction.atomic
def join_decide(
    *, actor, application: JoinApplication, approve: bool, reason="", unit=None, joined_on=None
) -> JoinApplication:
    """Approve (the applicant becomes a member, joined today unless said) or reject with a
    reason. Decided once: a second decision finds it decided already."""
    application = JoinApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != JoinApplicationStatus.PENDING:
        raise ValidationError(_("This application was decided already."))
    if approve:
        parsed = parse_id_number(application.id_number)
        member = member_enrol(
            actor=actor,
            member=Member(
                name=application.name,
                id_number=parsed.number,
                gender="male" if parsed.is_male else "female",
                birth_date=parsed.birth_date,
                phone=application.phone,
                union=unit or application.union,
                enterprise=application.enterprise,
                joined_on=joined_on or timezone.localdate(),
                is_migrant=application.is_migrant,
            ),
        )
        application.member = member
        application.status = JoinApplicationStatus.APPROVED
    else:
        if not reason:
            raise ValidationError({"reason": _("Say why, so the applicant can be told.")})
        application.status = JoinApplicationStatus.REJECTED
    application.decided_by, application.decided_at = actor, timezone.now()
    application.decision_reason = reason
    application._history_user = actor
    application.save()
    return application
