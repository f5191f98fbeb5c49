"""Jobs a Celery worker runs while a person waits on a page: the monthly Excel report
(reports.MonthlyExport) and a full recompute of the scorecards (standards.ScoringRun).

A job is claimed by the message that runs it: `owner` is the message's task id, and
`heartbeat_at` moves with every progress step. A message may claim a job that is

    queued                                       nobody has started it
    running, owned by the same task id           the message was delivered again because the
                                                 process running it died (acks_late and
                                                 reject_on_worker_lost: at once when a pool
                                                 process dies; after the broker's visibility
                                                 timeout when the whole worker died)
    running, heartbeat older than the lease      its worker is gone (JOB_LEASE_SECONDS)

A running job with a fresh heartbeat and another owner is left to that owner; the message looks
again later (the tasks retry), so a job is never left to a worker that died meanwhile.

Every write of a run after its claim is conditional on the claim (the same owner and start): a
run that was taken over, or whose job was given up, cannot write over what replaced it.

A waiting job whose heartbeat is older than the lease is *stalled*: its page says so and offers
to try again, and asking for it again gives it up (failed, saying the worker stopped) and
starts a fresh one.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
WAITING = (QUEUED, RUNNING)


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.JOB_LEASE_SECONDS)


def stalled(now=None) -> Q:
    """Waiting jobs with no sign of life for longer than the lease."""
    return Q(status__in=WAITING, heartbeat_at__lt=(now or timezone.now()) - lease())


class Job(models.Model):
    """The claim and the heartbeat of a job; the model has a `status` of QUEUED, RUNNING, DONE,
    FAILED."""

    owner = models.CharField(
        gettext_lazy("worker task"),
        max_length=64,
        blank=True,
        help_text=gettext_lazy("The id of the Celery task running it."),
    )
    started_at = models.DateTimeField(gettext_lazy("started at"), null=True, blank=True)
    # Set when the job is queued, then on every step of the run.
    heartbeat_at = models.DateTimeField(gettext_lazy("last sign of life"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING

    @property
    def is_stalled(self) -> bool:
        return self.is_waiting and self.heartbeat_at < timezone.now() - lease()


class ClaimLost(Exception):
    """The job is no longer this run's (taken over, or given up): stop working on it."""


class Claim:
    def __init__(self, rows):
        self.rows = rows  # the job's row, while it is still claimed by this run

    def beat(self, **fields) -> None:
        """Record progress (`fields`) and a sign of life; ClaimLost if the job is not ours."""
        if not self.rows.update(heartbeat_at=timezone.now(), **fields):
            raise ClaimLost

    def finish(self, status: str, **fields) -> bool:
        """The run's end (DONE or FAILED); False if the job was no longer ours."""
        return bool(
            self.rows.update(
                status=status, heartbeat_at=timezone.now(), finished_at=timezone.now(), **fields
            )
        )


def claim(model, pk: int, task_id: str | None, **fresh) -> Claim | None:
    """Claim job `pk` of `model` for the message `task_id` (None: a direct call, as in a
    test), by the rules of this module's docstring, in one conditional UPDATE that only one
    claimant can win, setting `fresh` (the progress back to nothing: a run taken over starts
    from the beginning). None when the job is not there to claim."""
    task_id = task_id or f"direct-{uuid.uuid4().hex}"
    now = timezone.now()
    claimable = (
        Q(status=QUEUED)
        | Q(status=RUNNING, owner=task_id)
        | Q(status=RUNNING, heartbeat_at__lt=now - lease())
    )
    rows = model._base_manager.filter(pk=pk)
    won = rows.filter(claimable).update(
        status=RUNNING, owner=task_id, started_at=now, heartbeat_at=now, **fresh
    )
    return Claim(rows.filter(owner=task_id, started_at=now)) if won else None


def is_elsewhere(job, task_id: str | None) -> bool:
    """The job is being run by another message that shows signs of life."""
    return job is not None and job.status == RUNNING and job.owner != task_id


def watch_retries() -> int:
    """How often a message that found its job running elsewhere looks again, a lease apart:
    until that run must have ended (the hard time limit) and a lease more."""
    return settings.CELERY_TASK_TIME_LIMIT // settings.JOB_LEASE_SECONDS + 2


def give_up_stalled(rows) -> int:
    """Mark the stalled jobs among `rows` failed, saying why; the number given up."""
    return rows.filter(stalled()).update(
        status=FAILED,
        error=_(
            "The background worker running this stopped before it finished (its process "
            "ended or lost its connection), so it was given up. Try again."
        ),
        finished_at=timezone.now(),
    )
