"""Full recomputes asked for from the ranking page (ScoringRun): asking for one, and giving up
one whose worker died (cohesion_portal.jobs)."""

from django.db import transaction

from cohesion_portal import jobs

from ..models import Period, ScoringRun


@transaction.atomic
def recompute_request(*, actor, period: Period) -> tuple[ScoringRun, bool]:
    """Recompute every scorecard of `period`, queued. Asking again while a recompute of the
    period is waiting gives that one (a double click); a stalled one (its worker died) is given
    up, saying so, and a fresh one is queued."""
    from ..tasks import score_period_task

    # (Locks the period's row: two people asking at once queue one recompute.)
    Period.objects.select_for_update().filter(pk=period.pk).first()
    waiting = period.runs.filter(status__in=jobs.WAITING)
    jobs.give_up_stalled(waiting)
    if (earlier := waiting.first()) is not None:
        return earlier, False
    run = ScoringRun.objects.create(period=period, requested_by=actor)
    transaction.on_commit(lambda: score_period_task.delay(period.pk, run.pk))
    return run, True
