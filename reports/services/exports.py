"""The monthly Excel report: asking for one, producing it (the Celery task calls `produce`),
and the context its sheets are built from. The report covers the area of whoever asked; the one
produced on the 1st of each month covers a whole industry union."""

import datetime
import logging
import os
import tempfile

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal import jobs
from cohesion_portal.access import industry_reader, scope_for
from cohesion_portal.dates import last_day_of_month
from cohesion_portal.sheets import ReportContext
from standards.shares import running_plan
from unions.models import IndustryUnion, Union

from ..excel import write_report
from ..models import ExportStatus, MonthlyExport

log = logging.getLogger(__name__)
EARLIEST_MONTH = datetime.date(2011, 1, 1)  # the plan was issued in 2011
WAITING = jobs.WAITING


class ExportRefused(ValueError):
    pass


def check_month(month: datetime.date, today: datetime.date) -> datetime.date:
    """The first day of `month`; refused when it is after the current month or before the
    plan."""
    month = month.replace(day=1)
    if month > today.replace(day=1):
        raise ExportRefused(_("A month that has not begun has nothing to report yet."))
    if month < EARLIEST_MONTH:
        raise ExportRefused(_("The portal holds no records before 2011."))
    return month


def request_export(*, user, month: datetime.date) -> tuple[MonthlyExport, bool]:
    """A report of `month` over the user's area, queued. Asking again while the same report is
    still waiting or being produced (a double click) gives that one, not a second; asking again
    when that one has stalled (its worker died) gives it up and queues a fresh one."""
    month = check_month(month, timezone.localdate())
    if scope_for(user).is_empty:
        raise ExportRefused(_("Your account covers no union, so there is nothing to report."))
    waiting = MonthlyExport.objects.filter(requested_by=user, month=month, status__in=WAITING)
    jobs.give_up_stalled(waiting)
    if (earlier := waiting.first()) is not None:
        return earlier, False
    try:
        with transaction.atomic():
            export = MonthlyExport.objects.create(
                month=month, requested_by=user, scope_label=scope_label(user)
            )
    except IntegrityError:  # a second click that came in at the same moment
        return MonthlyExport.objects.get(requested_by=user, month=month, status__in=WAITING), False
    transaction.on_commit(lambda: _enqueue(export.pk))
    return export, True


def request_industry_exports(month: datetime.date) -> list[MonthlyExport]:
    """The monthly job: one report per industry union for `month`. Running it twice for the
    same month produces nothing twice (a finished or waiting report is kept; a failed or
    stalled one is queued again)."""
    exports = []
    for industry in IndustryUnion.objects.all():
        with transaction.atomic():
            export, created = MonthlyExport.objects.get_or_create(
                month=month,
                requested_by=None,
                industry_union=industry,
                defaults={"scope_label": industry.name},
            )
            if not created:
                requeue_industry_export(export.pk)
            else:
                transaction.on_commit(lambda pk=export.pk: _enqueue(pk))
        exports.append(export)
    return exports


def requeue_industry_export(export_id: int) -> bool:
    """The monthly job's report queued again, if it failed or stalled (one UPDATE: two people
    retrying at once queue it once)."""
    requeued = (
        MonthlyExport.objects.filter(pk=export_id, requested_by__isnull=True)
        .filter(Q(status=ExportStatus.FAILED) | jobs.stalled())
        .update(
            status=ExportStatus.QUEUED,
            error="",
            progress=0,
            step="",
            owner="",
            heartbeat_at=timezone.now(),
        )
    )
    if requeued:
        transaction.on_commit(lambda: _enqueue(export_id))
    return bool(requeued)


def retry_export(*, user, export: MonthlyExport) -> MonthlyExport | None:
    """A failed or stalled report produced again: the monthly job's report queued again, a
    person's asked for again (a fresh one, over the same person's area). None when there is
    nothing to retry (it is being produced, or ready)."""
    if not (export.status == ExportStatus.FAILED or export.is_stalled):
        return None
    log.info("Monthly report %s retried by %s", export.pk, user)
    if export.requested_by_id is None:
        requeue_industry_export(export.pk)
        return export
    fresh, _created = request_export(user=export.requested_by, month=export.month)
    return fresh


def _enqueue(export_id: int) -> None:
    from ..tasks import produce_export_task

    produce_export_task.delay(export_id)


def reader_of(export: MonthlyExport):
    if export.requested_by_id is not None:
        return export.requested_by
    return industry_reader(export.industry_union_id)


def produce(export_id: int, *, task_id: str | None = None) -> MonthlyExport | None:
    """Build the workbook of a queued report and store it, as the message `task_id`.

    The message claims the report first (cohesion_portal.jobs): a message delivered twice
    produces it once, and a message delivered again because its worker died takes its report
    over. A failure is recorded on the report, which the page shows; it is not raised again, so
    the request or job that queued it does not fail with it.
    """
    claim = jobs.claim(MonthlyExport, export_id, task_id, progress=0, step="", error="")
    if claim is None:
        return MonthlyExport.objects.filter(pk=export_id).first()
    export = MonthlyExport.objects.select_related("requested_by").get(pk=export_id)
    earlier = export.file.name  # of a run that died after saving its file

    def progress(done, total, title):
        claim.beat(progress=round(100 * done / total), step=title[:100])

    context = report_context(reader_of(export), export.month, export.scope_label)
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        write_report(context, path, progress=progress)
        with open(path, "rb") as stream:
            export.file.save(download_name(export), File(stream), save=False)
        # On the row at once: a run that dies now leaves its file to whoever takes over.
        claim.beat(file=export.file.name)
    except jobs.ClaimLost:
        return _abandoned(export)
    except Exception:
        log.exception("Monthly report %s failed", export_id)
        claim.finish(
            ExportStatus.FAILED,
            error=_(
                "The report could not be produced. Ask again; if it fails again, tell the "
                "administrator."
            ),
        )
        return MonthlyExport.objects.get(pk=export_id)
    finally:
        os.unlink(path)
    if not claim.finish(ExportStatus.DONE, size=export.file.size, progress=100, step=""):
        return _abandoned(export)
    if earlier and earlier != export.file.name:
        export.file.storage.delete(earlier)
    return MonthlyExport.objects.get(pk=export_id)


def _abandoned(export: MonthlyExport) -> MonthlyExport:
    """The report was taken over or given up while this run worked on it: its file, if it
    made one, goes; the report is left to what replaced this run."""
    log.warning("Monthly report %s was taken over or given up; this run stops", export.pk)
    if export.file and not MonthlyExport.objects.filter(file=export.file.name).exists():
        export.file.storage.delete(export.file.name)
    return MonthlyExport.objects.get(pk=export.pk)


def report_context(reader, month: datetime.date, label: str) -> ReportContext:
    unions = list(
        Union.objects.for_user(reader)
        .counted()
        .order_by("industry_union_id", "path")
        .values_list("pk", "name", "industry_union__short_name")
    )
    # The running month is reported up to today.
    end = min(last_day_of_month(month), timezone.localdate())
    plan = running_plan(end, user=reader)
    return ReportContext(
        month=month,
        end=end,
        reader=reader,
        scope_label=label,
        since=plan.starts_on if plan else None,
        unions=unions,
    )


def scope_label(user) -> str:
    """The area a report covers, in words: all, an industry union, a union, or N unions."""
    scope = scope_for(user)
    if scope.everything:
        return _("All industry unions")
    names = list(
        IndustryUnion.objects.filter(pk__in=scope.industry_union_ids).values_list("name", flat=True)
    )
    paths = scope.subtree_paths
    if len(paths) == 1 and not names:
        union = Union.objects.filter(path=paths[0]).values_list("name", flat=True).first()
        return union or ""
    if paths:
        names.append(_("%(count)d unions") % {"count": len(paths)})
    return "、".join(names)


def download_name(export: MonthlyExport) -> str:
    return _("Cohesion Project monthly report %(month)s.xlsx") % {"month": f"{export.month:%Y-%m}"}
