"""A full recompute whose worker died (issue 14): "running 0/0" for ever becomes "stalled" with
a button to try again; asking again gives up the stalled run and starts a fresh one; the
message delivered again takes its run over. With real workers killed midway:
tests/portal/test_killed_workers.py."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from standards.models import Scorecard, ScoringRun
from standards.tasks import score_period_task

from .schemes import period_2026, small_scheme


@pytest.fixture
def period(db):
    return period_2026(small_scheme())


def left_running(run, *, owner="dead-message", silent_for=None):
    """`run` as message `owner` left it when its worker died, its last sign of life
    `silent_for` seconds ago (default: longer than the lease, so it has stalled)."""
    from django.conf import settings

    if silent_for is None:
        silent_for = settings.JOB_LEASE_SECONDS + 60
    heartbeat = timezone.now() - datetime.timedelta(seconds=silent_for)
    ScoringRun.objects.filter(pk=run.pk).update(
        status="running", owner=owner, started_at=heartbeat, heartbeat_at=heartbeat
    )
    run.refresh_from_db()
    return run


def ranking(period):
    return f"{reverse('standards:ranking')}?period={period.pk}"


@pytest.mark.django_db
def test_a_stalled_recompute_shows_as_stalled_with_a_button_to_try_again(client, world, period):
    run = left_running(ScoringRun.objects.create(period=period))
    retry = f'action="{reverse("standards:recompute", args=[period.pk])}"'
    client.force_login(world.users["staff_lt"])
    for url in (ranking(period), reverse("standards:run_status", args=[run.pk])):
        page = client.get(url).content.decode()
        assert 'id="run-stalled"' in page and "停滞" in page, url
        assert "0 / 0" not in page, url
        assert retry in page and "重试" in page, url
    # Leadership reads the run's status, without the button (it may not recompute).
    client.force_login(world.users["leader_all"])
    page = client.get(reverse("standards:run_status", args=[run.pk])).content.decode()
    assert "停滞" in page and retry not in page

    client.force_login(world.users["staff_lt"])
    left_running(run, silent_for=5)  # a worker still at it
    page = client.get(ranking(period)).content.decode()
    assert "停滞" not in page and retry not in page and "0 / 0" in page


@pytest.mark.django_db
def test_try_again_gives_up_the_stalled_recompute_and_runs_a_fresh_one(
    client, world, period, django_capture_on_commit_callbacks
):
    stalled = left_running(ScoringRun.objects.create(period=period))
    client.force_login(world.users["staff_lt"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("standards:recompute", args=[period.pk]))
    assert response["Location"] == ranking(period)
    stalled.refresh_from_db()
    assert stalled.status == "failed" and "后台任务进程" in stalled.error
    fresh = ScoringRun.objects.exclude(pk=stalled.pk).get()
    assert (fresh.status, fresh.unions_done, fresh.unions_total) == ("done", 3, 3)
    assert fresh.requested_by == world.users["staff_lt"]
    assert Scorecard.objects.filter(period=period).count() == 3


@pytest.mark.django_db
def test_asking_again_while_a_recompute_is_under_way_gives_that_one(client, world, period):
    client.force_login(world.users["staff_lt"])
    url = reverse("standards:recompute", args=[period.pk])
    # (The task is queued when the transaction commits, which the test never does.)
    client.post(url)
    second = client.post(url, follow=True)
    assert ScoringRun.objects.count() == 1
    assert "已在进行中" in second.content.decode()


@pytest.mark.django_db
def test_only_industry_staff_may_recompute_again(client, world, period):
    left_running(ScoringRun.objects.create(period=period))
    url = reverse("standards:recompute", args=[period.pk])
    for persona, status in (("leader_all", 403), ("cadre_a", 403), ("no_role", 404)):
        client.force_login(world.users[persona])
        assert client.post(url).status_code == status, persona
    assert ScoringRun.objects.get().status == "running"


@pytest.mark.django_db
def test_the_message_that_was_running_a_recompute_finishes_it_when_delivered_again(world, period):
    run = left_running(ScoringRun.objects.create(period=period), owner="message-1", silent_for=3)
    # Another message finds it running, alive: it leaves it (on a worker it looks again later).
    assert score_period_task.apply(args=[period.pk, run.pk], task_id="message-2").get() == 0
    run.refresh_from_db()
    assert (run.status, run.owner) == ("running", "message-1")
    # The message itself, delivered again after its process died, takes it over.
    assert score_period_task.apply(args=[period.pk, run.pk], task_id="message-1").get() == 3
    run.refresh_from_db()
    assert (run.status, run.unions_done, run.unions_total) == ("done", 3, 3)
