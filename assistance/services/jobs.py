"""Writes to job help (助岗)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import JobHelp, JobOutcome


def job_help_errors(*, job: JobHelp) -> dict:
    errors = {}
    today = timezone.localdate()
    for field in ("started_on", "outcome_on"):
        day = getattr(job, field)
        if day and day > today:
            errors[field] = _("The date cannot be in the future.")
    if job.started_on and job.outcome_on and job.outcome_on < job.started_on:
        errors.setdefault("outcome_on", _("The outcome cannot be known before the help began."))
    if job.outcome and job.outcome != JobOutcome.PENDING and not job.outcome_on:
        errors["outcome_on"] = _("Enter the day the outcome was known.")
    file = job.file if job.file_id else None
    if file and job.union_id and file.union.grassroots_id != job.union.grassroots_id:
        errors["file"] = _("The hardship file is another union's.")
    if file:
        job.name = file.name
    return errors


@transaction.atomic
def job_help_save(*, actor, job: JobHelp) -> JobHelp:
    errors = job_help_errors(job=job)
    if errors:
        raise ValidationError(errors)
    if job.outcome == JobOutcome.PENDING:
        job.outcome_on = None
    job._history_user = actor
    job.save()
    return job
