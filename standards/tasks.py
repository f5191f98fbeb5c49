"""Celery tasks of the scoring: thin wrappers over standards.scoring. `acks_late` and
`reject_on_worker_lost` (settings): a worker that dies mid-task leaves the message to be
delivered again, and that delivery recomputes from scratch (taking the recompute's ScoringRun
over: cohesion_portal.jobs); the scorecards are written in one transaction, so nothing is left
half-done."""

from celery import shared_task
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cohesion_portal import jobs


@shared_task(bind=True, name="standards.score_period", acks_late=True)
def score_period_task(self, period_id: int, run_id: int | None = None) -> int:
    """Every scorecard of the period; with `run_id`, the progress shown on the ranking page."""
    from .models import Period, ScoringRun
    from .scoring import score_period

    period = Period.objects.get(pk=period_id)
    if run_id is None:
        return score_period(period)
    claim = jobs.claim(ScoringRun, run_id, self.request.id, unions_done=0, error="")
    if claim is None:
        run = ScoringRun.objects.filter(pk=run_id).first()
        if jobs.is_elsewhere(run, self.request.id) and not self.request.is_eager:
            # Another message is running it: look again in a while, and take it over then if
            # its worker has died meanwhile.
            raise self.retry(countdown=settings.JOB_LEASE_SECONDS, max_retries=jobs.watch_retries())
        return 0

    def progress(done, total):
        claim.beat(unions_done=done, unions_total=total)

    try:
        count = score_period(period, on_progress=progress)
    except jobs.ClaimLost:
        return 0  # taken over or given up: what replaced this run writes the same scorecards
    except Exception as error:
        claim.finish(jobs.FAILED, error=str(error)[:2000])
        raise
    claim.finish(jobs.DONE, unions_done=F("unions_total"))
    return count


@shared_task(name="standards.score_union", acks_late=True)
def score_union_task(period_id: int, union_id: int, include_final: bool = False) -> int:
    """After an inspection, approval or veto item is saved: that union's scorecard again."""
    from .models import Period
    from .scoring import score_period

    period = Period.objects.get(pk=period_id)
    return score_period(period, union_ids=[union_id], include_final=include_final)


@shared_task(name="standards.score_current_period", acks_late=True)
def score_current_period_task() -> int:
    """Nightly: the current period's scorecards (its period made if the year has none)."""
    from .periods import ensure_period_on
    from .scoring import score_period

    period = ensure_period_on(timezone.localdate())
    return score_period(period) if period is not None else 0
