"""A real Celery worker process against the real Redis and the test database."""

import time

import pytest
from django.db import connection

from cohesion_portal.tasks import worker_health

from ..factories import make_union, make_user
from ..workers import Workers, empty_the_broker, skip_without_services

pytestmark = pytest.mark.services


@pytest.fixture
def worker(transactional_db, tmp_path):
    skip_without_services()
    empty_the_broker()
    workers = Workers(tmp_path)
    yield workers.start()
    workers.stop_all()


def test_a_task_goes_to_a_worker_and_its_answer_comes_back(worker):
    make_user()
    make_user()
    started = time.monotonic()
    answer = worker_health.delay().get(timeout=60)
    assert answer == {"database": connection.settings_dict["NAME"], "accounts": 2}
    assert worker.poll() is None, "the worker process should still be running"
    assert time.monotonic() - started < 60


def test_tasks_run_in_process_when_no_broker_is_set(db, settings):
    if settings.CELERY_BROKER_URL:
        pytest.skip("a broker is configured in this run")
    make_user()
    assert worker_health.delay().get()["accounts"] == 1


def test_a_full_recompute_runs_on_the_worker_and_twice_changes_nothing(worker):
    from standards.models import Scorecard, ScoringRun
    from standards.tasks import score_period_task

    from ..standards.schemes import period_2026, small_scheme

    period = period_2026(small_scheme())
    make_union("甲工会委员会")
    make_union("乙工会委员会")
    run = ScoringRun.objects.create(period=period)
    assert score_period_task.delay(period.pk, run.pk).get(timeout=120) == 2
    run.refresh_from_db()
    assert (run.status, run.unions_done, run.unions_total) == ("done", 2, 2)
    first = list(Scorecard.objects.order_by("union").values_list("union", "total", "grade"))
    assert len(first) == 2
    assert score_period_task.delay(period.pk).get(timeout=120) == 2
    assert list(Scorecard.objects.order_by("union").values_list("union", "total", "grade")) == first


def test_what_the_worker_writes_moves_the_data_version(worker):
    """The worker is another process: its scores must still retire every cached dashboard
    (cohesion_portal.data_version keeps the version in the database, not in a process)."""
    from cohesion_portal import data_version
    from standards.tasks import score_period_task

    from ..standards.schemes import period_2026, small_scheme

    period = period_2026(small_scheme())
    make_union("甲工会委员会")
    before = data_version.current()
    assert score_period_task.delay(period.pk).get(timeout=120) == 1
    assert data_version.current() > before


def test_the_monthly_excel_reports_are_produced_on_the_worker(worker):
    from django.utils import timezone
    from openpyxl import load_workbook

    from cohesion_portal.dates import previous_month
    from reports.models import MonthlyExport
    from reports.services.exports import request_industry_exports
    from reports.tasks import monthly_exports_task

    light = make_union("甲工会委员会", industry_code="light-textile")
    make_union("乙工会委员会", industry_code="agri-water")
    # The beat's task, sent through Redis; it queues one report per industry union, which
    # the worker then produces.
    assert monthly_exports_task.delay().get(timeout=60) == 2
    deadline = time.monotonic() + 120
    while MonthlyExport.objects.exclude(status="done").exists() and time.monotonic() < deadline:
        assert not MonthlyExport.objects.filter(status="failed").exists()
        time.sleep(0.5)
    exports = MonthlyExport.objects.filter(month=previous_month(timezone.localdate()))
    assert [e.status for e in exports] == ["done", "done"]
    report = exports.get(industry_union=light.industry_union)
    with report.file.open("rb") as stream:
        book = load_workbook(stream)
    sheet = book["会员与入会"]
    assert [row[0].value for row in sheet.iter_rows(min_row=3, max_row=3)] == ["甲工会委员会"]
    # The job again for the same month: the reports made stay, none is added.
    assert len(request_industry_exports(report.month)) == 2
    assert MonthlyExport.objects.count() == 2
