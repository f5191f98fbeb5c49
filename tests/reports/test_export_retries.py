"""A monthly Excel report whose worker died: taken over by the next message, shown as stalled
with a retry button, asked for again, queued again by the monthly job (issue 14). The same with
real workers killed midway: tests/portal/test_killed_workers.py."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesion_portal.dates import previous_month
from reports.models import ExportStatus, MonthlyExport
from reports.services import exports
from reports.services.exports import produce, request_export, request_industry_exports


@pytest.fixture
def month():
    return previous_month(timezone.localdate())


def left_running(export, *, owner="dead-message", silent_for=None, **fields):
    """`export` as the run of message `owner` left it when its worker died, its last sign of
    life `silent_for` seconds ago (default: longer than the lease, so it has stalled)."""
    from django.conf import settings

    if silent_for is None:
        silent_for = settings.JOB_LEASE_SECONDS + 60
    heartbeat = timezone.now() - datetime.timedelta(seconds=silent_for)
    MonthlyExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.RUNNING,
        owner=owner,
        started_at=heartbeat,
        heartbeat_at=heartbeat,
        progress=83,
        **fields,
    )
    export.refresh_from_db()
    return export


def personal(world, persona, month):
    return MonthlyExport.objects.create(
        month=month, requested_by=world.users[persona], scope_label=persona
    )


def industry_wide(world, label, month):
    industry = world.unions[label].industry_union
    return MonthlyExport.objects.create(
        month=month, industry_union=industry, scope_label=industry.name
    )


def stored_files(settings) -> list[str]:
    folder = settings.MEDIA_ROOT / "reports" / "monthly"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.django_db
def test_the_message_that_was_producing_a_report_finishes_it_when_delivered_again(world, month):
    export = left_running(personal(world, "staff_lt", month), owner="message-1", silent_for=3)
    assert produce(export.pk, task_id="message-2").status == ExportStatus.RUNNING  # not its own
    done = produce(export.pk, task_id="message-1")
    assert done.status == ExportStatus.DONE and done.file and done.progress == 100


@pytest.mark.django_db
def test_a_report_whose_worker_is_long_silent_is_produced_by_the_next_message(
    world, month, settings
):
    export = left_running(personal(world, "staff_lt", month))
    done = produce(export.pk, task_id="message-2")
    assert (done.status, done.owner) == (ExportStatus.DONE, "message-2")
    stored = done.file.name
    done.delete()
    assert not done.file.storage.exists(stored)  # the file goes with its record


@pytest.mark.django_db
def test_the_file_a_dead_run_saved_is_removed_by_the_run_that_takes_over(world, month, settings):
    from django.core.files.base import ContentFile

    export = personal(world, "staff_lt", month)
    export.file.save("earlier.xlsx", ContentFile(b"half"), save=True)
    earlier = export.file.name
    left_running(export)
    done = produce(export.pk, task_id="message-2")
    assert done.status == ExportStatus.DONE and done.file.name != earlier
    assert stored_files(settings) == [done.file.name.rsplit("/", 1)[1]]


@pytest.mark.django_db
def test_a_run_taken_over_midway_stops_and_leaves_no_file(world, month, settings, monkeypatch):
    export = personal(world, "staff_lt", month)
    write_report = exports.write_report

    def taken_over_after_the_first_sheet(context, out, progress=None):
        def step(done, total, title):
            # Meanwhile another message took the report (the lease passed in a long step).
            MonthlyExport.objects.filter(pk=export.pk).update(owner="message-2")
            progress(done, total, title)

        return write_report(context, out, progress=step)

    monkeypatch.setattr(exports, "write_report", taken_over_after_the_first_sheet)
    left = produce(export.pk, task_id="message-1")
    assert (left.status, left.owner, left.progress) == (ExportStatus.RUNNING, "message-2", 0)
    assert stored_files(settings) == []


@pytest.mark.django_db
def test_asking_again_for_a_stalled_report_gives_a_fresh_one_and_says_why_the_old_failed(
    world, month
):
    staff = world.users["staff_lt"]
    # (The task runs when the transaction commits, which the test never does: it waits.)
    first, created = request_export(user=staff, month=month)
    assert created
    assert request_export(user=staff, month=month) == (first, False)  # a double click
    left_running(first)
    second, created = request_export(user=staff, month=month)
    assert created and second.pk != first.pk and second.status == ExportStatus.QUEUED
    first.refresh_from_db()
    assert first.status == ExportStatus.FAILED
    assert "后台任务进程" in first.error  # the worker stopped, in the reader's language


@pytest.mark.django_db
def test_the_monthly_job_queues_failed_and_stalled_reports_again(
    world, month, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        light, water = request_industry_exports(month)
    MonthlyExport.objects.filter(pk=light.pk).update(status=ExportStatus.FAILED, error="坏了")
    left_running(water)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        request_industry_exports(month)
    assert len(queued) == 2
    exports_of_month = MonthlyExport.objects.filter(requested_by__isnull=True)
    assert exports_of_month.count() == 2
    assert {(e.status, e.error) for e in exports_of_month} == {(ExportStatus.DONE, "")}
    # Done ones stay as they are.
    with django_capture_on_commit_callbacks(execute=True) as queued:
        request_industry_exports(month)
    assert queued == []


@pytest.mark.django_db
def test_a_stalled_report_shows_as_stalled_with_a_button_to_try_again(client, world, month):
    export = left_running(personal(world, "staff_lt", month))
    client.force_login(world.users["staff_lt"])
    retry = reverse("reports:export_retry", args=[export.pk])
    page = client.get(export.get_absolute_url()).content.decode()
    assert 'id="export-stalled"' in page and "已停滞" in page
    assert f'action="{retry}"' in page and "重试" in page
    assert "83%" not in page  # not "being produced, 83%" for ever
    listed = client.get(reverse("reports:exports")).content.decode()
    assert "停滞" in listed and f'action="{retry}"' in listed

    live = left_running(personal(world, "staff_lt", previous_month(month)), silent_for=5)
    page = client.get(live.get_absolute_url()).content.decode()
    assert "已停滞" not in page and "83%" in page
    assert reverse("reports:export_retry", args=[live.pk]) not in page


@pytest.mark.django_db
def test_try_again_gives_a_person_a_fresh_report(
    client, world, month, django_capture_on_commit_callbacks
):
    export = left_running(personal(world, "officer_a", month))
    client.force_login(world.users["officer_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:export_retry", args=[export.pk]))
    fresh = MonthlyExport.objects.exclude(pk=export.pk).get()
    assert response["Location"] == fresh.get_absolute_url()
    assert (fresh.requested_by, fresh.month, fresh.status) == (
        world.users["officer_a"],
        month,
        ExportStatus.DONE,
    )
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED


@pytest.mark.django_db
def test_try_again_queues_the_monthly_jobs_report_again(
    client, world, month, django_capture_on_commit_callbacks
):
    export = industry_wide(world, "A", month)
    MonthlyExport.objects.filter(pk=export.pk).update(status=ExportStatus.FAILED, error="坏了")
    client.force_login(world.users["staff_lt"])
    page = client.get(export.get_absolute_url()).content.decode()
    assert "坏了" in page and "重试" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:export_retry", args=[export.pk]))
    assert response["Location"] == export.get_absolute_url()
    export.refresh_from_db()
    assert (export.status, export.error) == (ExportStatus.DONE, "")
    assert MonthlyExport.objects.count() == 1


@pytest.mark.django_db
def test_only_those_who_may_ask_for_a_report_may_try_it_again(client, world, month):
    own = left_running(personal(world, "officer_a", month))
    industry = left_running(industry_wide(world, "A", month))
    expected = {
        # A person's report is theirs alone; any role that may ask for one may ask again.
        (own, "officer_a"): 302,
        (own, "staff_lt"): 404,
        (own, "cadre_a"): 404,
        # The monthly job's: its industry union's staff; its read-only readers may not.
        (industry, "staff_lt"): 302,
        (industry, "leader_lt"): 403,
        (industry, "leader_all"): 403,
        (industry, "staff_aw"): 404,
        (industry, "officer_a"): 404,
    }
    # The read-only leader sees the stalled report, without the button.
    client.force_login(world.users["leader_lt"])
    page = client.get(industry.get_absolute_url()).content.decode()
    assert "已停滞" in page and "重试" not in page
    assert reverse("reports:export_retry", args=[industry.pk]) not in page
    for (export, persona), status in expected.items():
        client.force_login(world.users[persona])
        url = reverse("reports:export_retry", args=[export.pk])
        assert client.get(url).status_code == 405, persona
        assert client.post(url).status_code == status, persona


@pytest.mark.django_db
def test_try_again_on_a_report_being_produced_or_ready_changes_nothing(client, world, month):
    live = left_running(personal(world, "staff_lt", month), silent_for=5)
    client.force_login(world.users["staff_lt"])
    response = client.post(reverse("reports:export_retry", args=[live.pk]), follow=True)
    assert response.redirect_chain[0][0] == live.get_absolute_url()
    assert "没有需要重试的" in response.content.decode()
    assert MonthlyExport.objects.get() == live
    live.refresh_from_db()
    assert (live.status, live.owner) == (ExportStatus.RUNNING, "dead-message")
