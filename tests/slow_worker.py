"""Fault injection for the kill tests (tests/portal/test_killed_workers.py), started as
`celery -A tests.slow_worker worker`: the portal's own Celery app and tasks, with every progress
step of the monthly Excel report and of the scoring followed by a pause, so that a test can kill
the worker in the middle of a job. The portal never imports this module: no production code
sleeps.
"""

import os
import time

from celery import signals

from cohesion_portal.celery import app

__all__ = ["app"]

# The pause after each step (the report has six sheets; the scoring reports its start and end).
STEP_SECONDS = float(os.environ.get("SLOW_STEP_SECONDS", "2"))


def slowed(progress):
    if progress is None:
        return None

    def step(*args, **kwargs):
        progress(*args, **kwargs)  # the step is recorded as usual, then the job dawdles
        time.sleep(STEP_SECONDS)

    return step


@signals.worker_init.connect
def _slow_every_step(**kwargs):
    """In the worker's main process, before it starts its pool (whose children inherit it)."""
    import django

    django.setup()
    from reports.services import exports
    from standards import scoring

    write_report, score_period = exports.write_report, scoring.score_period

    def slow_write_report(context, out, progress=None):
        return write_report(context, out, progress=slowed(progress))

    def slow_score_period(period, *, on_progress=None, **kwargs):
        return score_period(period, on_progress=slowed(on_progress), **kwargs)

    exports.write_report = slow_write_report
    scoring.score_period = slow_score_period
