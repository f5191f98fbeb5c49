"""Celery tasks of the scoring: thin wrappers over standards.scoring. `acks_late` (settings):
a worker that dies mid-task leaves the message on the queue, and the retry recomputes from
scratch; the scorecards are written in one transaction, so nothing is left half-done."""

from celery import shared_task
from django.db.models import F
from django.utils import timezone


@shared_task(name="standards.score_period", acks_late=True)
def score_period_task(period_id: int, run_id: int | None = None) -> int:
    from .models import Period, RunStatus, ScoringRun
    from .scoring import score_period

    runs = ScoringRun.objects.filter(pk=run_id)

    def progress(done, total):
        runs.update(unions_done=done, unions_total=total)

    runs.update(status=RunStatus.RUNNING, unions_done=0)
    try:
        count = score_period(Period.objects.get(pk=period_id), on_progress=progress)
    except Exception as error:
        runs.update(status=RunStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        raise
    runs.update(status=RunStatus.DONE, unions_done=F("unions_total"), finished_at=timezone.now())
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
