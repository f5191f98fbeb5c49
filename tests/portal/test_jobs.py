"""Who may run a job a person waits for (cohesion_portal.jobs): the claim rules, on the
monthly Excel report's rows. The same rules with real workers killed midway:
test_killed_workers.py."""

import datetime

import pytest
from django.utils import timezone

from cohesion_portal import jobs
from reports.models import MonthlyExport


@pytest.fixture
def export(db):
    return MonthlyExport.objects.create(month=datetime.date(2026, 9, 1), scope_label="全部")


def running(export, *, owner, silent_for=0):
    """`export` as a run of message `owner` left it, its last sign of life `silent_for`
    seconds ago."""
    heartbeat = timezone.now() - datetime.timedelta(seconds=silent_for)
    MonthlyExport.objects.filter(pk=export.pk).update(
        status="running", owner=owner, started_at=heartbeat, heartbeat_at=heartbeat
    )


def owner_of(export):
    export.refresh_from_db()
    return export.status, export.owner


def test_a_queued_job_is_claimed_by_the_first_message_only(export):
    assert jobs.claim(MonthlyExport, export.pk, "message-1") is not None
    assert owner_of(export) == ("running", "message-1")
    assert jobs.claim(MonthlyExport, export.pk, "message-2") is None  # delivered twice
    assert owner_of(export) == ("running", "message-1")


def test_the_message_that_was_running_a_job_takes_it_over_when_delivered_again(export):
    # Its pool process was killed a moment ago: the heartbeat is fresh, the owner is itself.
    running(export, owner="message-1", silent_for=5)
    MonthlyExport.objects.filter(pk=export.pk).update(progress=83)
    assert jobs.claim(MonthlyExport, export.pk, "message-1", progress=0) is not None
    assert owner_of(export) == ("running", "message-1")
    assert export.progress == 0  # from the beginning again


def test_a_job_another_message_runs_and_beats_for_is_left_to_it(export, settings):
    running(export, owner="message-1", silent_for=settings.JOB_LEASE_SECONDS - 10)
    assert jobs.claim(MonthlyExport, export.pk, "message-2") is None
    export.refresh_from_db()
    assert owner_of(export) == ("running", "message-1")
    assert not export.is_stalled
    assert jobs.is_elsewhere(export, "message-2")  # (so the task looks again later)


def test_a_job_silent_for_longer_than_the_lease_is_stalled_and_taken_over(export, settings):
    running(export, owner="message-1", silent_for=settings.JOB_LEASE_SECONDS + 10)
    export.refresh_from_db()
    assert export.is_stalled
    assert jobs.claim(MonthlyExport, export.pk, "message-2") is not None
    export.refresh_from_db()
    assert owner_of(export) == ("running", "message-2")
    assert not export.is_stalled


def test_a_job_queued_and_never_started_for_longer_than_the_lease_is_stalled(export, settings):
    assert not export.is_stalled
    MonthlyExport.objects.filter(pk=export.pk).update(
        heartbeat_at=timezone.now() - datetime.timedelta(seconds=settings.JOB_LEASE_SECONDS + 1)
    )
    export.refresh_from_db()
    assert export.is_stalled
    assert jobs.claim(MonthlyExport, export.pk, "message-1") is not None  # still anyone's


def test_a_finished_job_is_claimed_by_nobody(export):
    for status in ("done", "failed"):
        MonthlyExport.objects.filter(pk=export.pk).update(status=status, owner="message-1")
        assert jobs.claim(MonthlyExport, export.pk, "message-1") is None
        assert jobs.claim(MonthlyExport, export.pk, "message-2") is None


def test_a_run_taken_over_writes_nothing_more(export, settings):
    first = jobs.claim(MonthlyExport, export.pk, "message-1")
    first.beat(progress=50)
    running(export, owner="message-1", silent_for=settings.JOB_LEASE_SECONDS + 1)
    second = jobs.claim(MonthlyExport, export.pk, "message-2")
    with pytest.raises(jobs.ClaimLost):
        first.beat(progress=66)
    assert not first.finish("done")
    assert second.finish("done", progress=100)
    export.refresh_from_db()
    assert (export.status, export.owner, export.progress) == ("done", "message-2", 100)


def test_the_same_message_claiming_again_cuts_off_its_earlier_run(export):
    """(Only if one message ran twice at once, which a visibility timeout above the time limit
    prevents: the later run wins, the earlier one stops at its next step.)"""
    earlier = jobs.claim(MonthlyExport, export.pk, "message-1")
    later = jobs.claim(MonthlyExport, export.pk, "message-1")
    with pytest.raises(jobs.ClaimLost):
        earlier.beat(progress=10)
    later.beat(progress=10)


def test_giving_up_leaves_live_jobs_alone_and_says_why_of_the_stalled(export, settings):
    live = MonthlyExport.objects.create(month=datetime.date(2026, 8, 1), scope_label="全部")
    running(live, owner="message-2", silent_for=1)
    running(export, owner="message-1", silent_for=settings.JOB_LEASE_SECONDS + 1)
    assert jobs.give_up_stalled(MonthlyExport.objects.all()) == 1
    export.refresh_from_db()
    assert export.status == "failed" and export.finished_at
    assert "后台" in export.error  # (in Chinese, the portal's first language)
    assert owner_of(live) == ("running", "message-2")
