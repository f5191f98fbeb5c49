"""A job whose worker is killed in the middle is still finished: a real worker process (started
with the fault-injecting tests.slow_worker, which pauses after every progress step), the real
Redis, the test database on PostgreSQL, and SIGKILL.

Two deaths, as issue 14 found them:
- the pool process running the job dies (the OOM killer, a segfault): the worker's main process
  hands the message back to Redis at once (acks_late, reject_on_worker_lost), and the same
  message, delivered again, must take its own job over;
- the whole worker dies: the message waits in Redis's unacknowledged set until the broker's
  visibility timeout passes, then a worker started meanwhile takes it and the job over.
"""

import os
import signal
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from openpyxl import load_workbook

from cohesion_portal.dates import previous_month
from reports.models import MonthlyExport
from reports.services.exports import request_export
from unions.models import RoleKind

from ..factories import industry, make_union, make_user
from ..workers import (
    Workers,
    empty_the_broker,
    kill_whole_worker,
    pool_children,
    skip_without_services,
    wait_for,
)

pytestmark = pytest.mark.services

# The broker's visibility timeout of the worker started after a whole worker was killed: short,
# so the test need not wait the production value (settings: CELERY_VISIBILITY_TIMEOUT).
SHORT_VISIBILITY_TIMEOUT = 3
SLOW = {"SLOW_STEP_SECONDS": "1.5"}


@pytest.fixture
def workers(transactional_db, tmp_path):
    skip_without_services()
    empty_the_broker()
    started = Workers(tmp_path)
    yield started
    started.stop_all()
    empty_the_broker()


def asked_for_report():
    make_union("甲工会委员会")
    make_union("乙工会委员会")
    staff = make_user(RoleKind.INDUSTRY_STAFF, industry_union=industry(), username="staff")
    # (No transaction is open in these tests: the task is sent to the worker at once.)
    export, created = request_export(user=staff, month=previous_month(timezone.localdate()))
    assert created
    return export


def status_of(export):
    export.refresh_from_db()
    return export.status, export.progress


def under_way(export) -> bool:
    """Being produced, its first sheet written."""
    status, progress = status_of(export)
    return status == "running" and progress > 0


def assert_produced_once(export):
    """Done, a workbook that opens, and no other file beside it (a killed run leaves none)."""
    export.refresh_from_db()
    assert export.status == "done", export.error
    with export.file.open("rb") as stream:
        assert "会员与入会" in load_workbook(stream).sheetnames
    folder = Path(settings.MEDIA_ROOT) / "reports" / "monthly"
    assert [path.name for path in folder.iterdir()] == [Path(export.file.name).name]


def test_a_report_whose_pool_process_is_killed_is_finished_by_its_message_delivered_again(
    workers,
):
    worker = workers.start(app="tests.slow_worker", pool="prefork", env=SLOW)
    export = asked_for_report()
    wait_for(
        lambda: under_way(export),
        timeout=60,
        what="the report under way",
        worker=worker,
    )
    [child] = pool_children(worker)
    os.kill(child, signal.SIGKILL)

    wait_for(
        lambda: status_of(export)[0] == "done",
        timeout=90,
        what="the report finished after its pool process was killed",
        worker=worker,
    )
    assert_produced_once(export)
    assert worker.poll() is None, "the worker's main process lives on"


def test_a_report_whose_whole_worker_is_killed_is_finished_by_the_next_worker(workers):
    first = workers.start(app="tests.slow_worker", pool="prefork", env=SLOW)
    export = asked_for_report()
    wait_for(
        lambda: under_way(export),
        timeout=60,
        what="the report under way",
        worker=first,
    )
    kill_whole_worker(first)
    # Past the visibility timeout of the next worker, which then takes the message back from
    # Redis's unacknowledged set as it starts.
    time.sleep(SHORT_VISIBILITY_TIMEOUT + 1)
    assert status_of(export)[0] == "running"  # nobody is producing it now

    second = workers.start(env={"CELERY_VISIBILITY_TIMEOUT": str(SHORT_VISIBILITY_TIMEOUT)})
    wait_for(
        lambda: status_of(export)[0] == "done",
        timeout=90,
        what="the report finished by the next worker",
        worker=second,
    )
    assert_produced_once(export)


def test_a_recompute_whose_whole_worker_is_killed_is_finished_by_the_next_worker(workers):
    from standards.models import Scorecard, ScoringRun
    from standards.tasks import score_period_task

    from ..standards.schemes import period_2026, small_scheme

    period = period_2026(small_scheme())
    unions = [make_union(f"工会{n}") for n in range(3)]
    first = workers.start(app="tests.slow_worker", pool="prefork", env=SLOW)
    run = ScoringRun.objects.create(period=period)
    score_period_task.delay(period.pk, run.pk)

    def run_status():
        run.refresh_from_db()
        return run.status

    wait_for(
        lambda: run_status() == "running" and run.unions_total == len(unions),
        timeout=60,
        what="the recompute under way",
        worker=first,
    )
    kill_whole_worker(first)
    time.sleep(SHORT_VISIBILITY_TIMEOUT + 1)
    assert run_status() == "running"

    second = workers.start(env={"CELERY_VISIBILITY_TIMEOUT": str(SHORT_VISIBILITY_TIMEOUT)})
    wait_for(
        lambda: run_status() == "done",
        timeout=90,
        what="the recompute finished by the next worker",
        worker=second,
    )
    assert (run.unions_done, run.unions_total) == (3, 3)
    assert Scorecard.objects.filter(period=period).count() == len(unions)


def test_a_message_that_finds_its_report_run_elsewhere_comes_back_and_takes_it_over(workers):
    """Two messages for one report (a redelivery and the retry button, say): the second finds
    the first's run alive and leaves it, but does not vanish: it looks again a lease later, and
    takes the report over once that run has gone silent (its worker died meanwhile)."""
    from cohesion_portal.tasks import worker_health
    from reports.tasks import produce_export_task

    lease = 3
    worker = workers.start(env={"JOB_LEASE_SECONDS": str(lease)})
    worker_health.delay().get(timeout=60)  # (the worker is up)
    make_union("甲工会委员会")
    staff = make_user(RoleKind.INDUSTRY_STAFF, industry_union=industry(), username="staff")
    # Another message's run, alive a moment ago (its heartbeat is now), whose worker then died.
    export = MonthlyExport.objects.create(
        month=previous_month(timezone.localdate()),
        requested_by=staff,
        status="running",
        owner="other-message",
        started_at=timezone.now(),
    )
    sent = time.monotonic()
    message = produce_export_task.delay(export.pk)
    wait_for(
        lambda: status_of(export)[0] == "done",
        timeout=60,
        what="the report taken over by the message that looked again",
        worker=worker,
    )
    assert time.monotonic() - sent >= lease  # not before the other run had gone silent
    assert export.owner == message.id
    assert_produced_once(export)
