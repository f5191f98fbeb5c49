"""The monthly Excel report: asking for one, producing it (the Celery task calls `produce`),
and the context its sheets are built from. The report covers the area of whoever asked; the one
produced on the 1st of each month covers a whole industry union."""

import datetime
import logging
import os
import tempfile

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.access import industry_reader, scope_for
from cohesion_portal.dates import last_day_of_month
from cohesion_portal.sheets import ReportContext
from standards.shares import running_plan
from unions.models import IndustryUnion, Union, UnionStatus

from .excel import write_report
from .models import ExportStatus, MonthlyExport

log = logging.getLogger(__name__)
EARLIEST_MONTH = datetime.date(2011, 1, 1)  # the plan was issued in 2011
WAITING = (ExportStatus.QUEUED, ExportStatus.RUNNING)


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
    still waiting or being produced (a double click) gives that one, not a second."""
    month = check_month(month, timezone.localdate())
    if scope_for(user).is_empty:
        raise ExportRefused(_("Your account covers no union, so there is nothing to report."))
    waiting = MonthlyExport.objects.filter(
        requested_by=user, month=month, status__in=WAITING
    ).first()
    if waiting is not None:
        return waiting, False
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
    same month produces nothing twice (a finished or waiting report is kept)."""
    exports = []
    for industry in IndustryUnion.objects.all():
        with transaction.atomic():
            export, created = MonthlyExport.objects.get_or_create(
                month=month,
                requested_by=None,
                industry_union=industry,
                defaults={"scope_label": industry.name},
            )
            if created or export.status == ExportStatus.FAILED:
                MonthlyExport.objects.filter(pk=export.pk).update(
                    status=ExportStatus.QUEUED, error="", progress=0
                )
                transaction.on_commit(lambda pk=export.pk: _enqueue(pk))
        exports.append(export)
    return exports


def _enqueue(export_id: int) -> None:
    from .tasks import produce_export_task

    produce_export_task.delay(export_id)


def reader_of(export: MonthlyExport):
    if export.requested_by_id is not None:
        return export.requested_by
    return industry_reader(export.industry_union_id)


def produce(export_id: int) -> MonthlyExport | None:
    """Build the workbook of a queued report and store it.

    The task claims the report first (queued → running, in one UPDATE), so a message delivered
    twice produces it once. A report left running by a worker that died is claimed again once
    the task's time limit has passed (the broker redelivers after that). A failure is recorded
    on the report, which the page shows; it is not raised again, so the request or job that
    queued it does not fail with it.
    """
    now = timezone.now()
    stale = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    claimable = Q(status=ExportStatus.QUEUED) | Q(status=ExportStatus.RUNNING, started_at__lt=stale)
    rows = MonthlyExport.objects.filter(pk=export_id)
    claimed = rows.filter(claimable).update(
        status=ExportStatus.RUNNING, started_at=now, progress=0, step="", error=""
    )
    export = rows.select_related("requested_by").first()
    if not claimed:
        return export

    def progress(done, total, title):
        rows.update(progress=round(100 * done / total), step=title[:100])

    context = report_context(reader_of(export), export.month, export.scope_label)
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    earlier = export.file.name
    try:
        write_report(context, path, progress=progress)
        with open(path, "rb") as stream:
            export.file.save(download_name(export), File(stream), save=False)
    except Exception:
        log.exception("Monthly report %s failed", export_id)
        rows.update(
            status=ExportStatus.FAILED,
            error=_(
                "The report could not be produced. Ask again; if it fails again, tell the "
                "administrator."
            ),
            finished_at=timezone.now(),
        )
        return rows.first()
    finally:
        os.unlink(path)
    rows.update(
        status=ExportStatus.DONE,
        file=export.file.name,
        size=export.file.size,
        progress=100,
        step="",
        finished_at=timezone.now(),
    )
    if earlier and earlier != export.file.name:
        export.file.storage.delete(earlier)  # of a run that died after saving its file
    return rows.first()


def report_context(reader, month: datetime.date, label: str) -> ReportContext:
    unions = list(
        Union.objects.for_user(reader)
        .filter(parent__isnull=True, status=UnionStatus.ACTIVE)
        .order_by("industry_union_id", "path")
        .values_list("pk", "name", "industry_union__short_name")
    )
    # The running month is reported up to today.
    end = min(last_day_of_month(month), timezone.localdate())
    plan = running_plan(end)
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
