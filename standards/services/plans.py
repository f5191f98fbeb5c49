"""Plans and targets, set by the industry union."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cohesion_portal import metrics

from ..models import Plan, Target


@transaction.atomic
def plan_save(*, actor, plan: Plan, copy_targets_from: Plan | None = None) -> Plan:
    """Create or update a plan; a new one may start with another plan's targets, due at its
    own end (next year's plan, say)."""
    if plan.starts_on and plan.ends_on and plan.ends_on < plan.starts_on:
        raise ValidationError({"ends_on": _("The plan cannot end before it starts.")})
    plan._history_user = actor
    plan.save()
    if copy_targets_from is not None:
        for target in copy_targets_from.targets.all():
            copy = Target(
                plan=plan,
                code=target.code,
                title=target.title,
                wording=target.wording,
                metric=target.metric,
                value=target.value,
                deadline=plan.ends_on,
                order=target.order,
            )
            copy._history_user = actor
            copy.save()
    return plan


def target_errors(target: Target) -> dict:
    errors = {}
    figure = metrics.get(target.metric)
    if target.value is not None:
        if target.value < 0:
            errors["value"] = _("A target cannot be negative.")
        elif figure is not None and figure.unit == metrics.PERCENT and target.value > 100:
            errors["value"] = _("A rate cannot be above 100%.")
    if target.deadline and target.deadline < target.plan.starts_on:
        errors["deadline"] = _("The deadline cannot come before the plan starts (%(date)s).") % {
            "date": target.plan.starts_on.isoformat()
        }
    return errors


@transaction.atomic
def target_save(*, actor, target: Target) -> Target:
    errors = target_errors(target)
    if errors:
        raise ValidationError(errors)
    target._history_user = actor
    try:
        with transaction.atomic():
            target.save()
    except IntegrityError:
        raise ValidationError(
            {"code": _("The plan already has a target with this code.")}
        ) from None
    return target
