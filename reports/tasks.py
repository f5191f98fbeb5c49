"""Celery tasks of the reports app: thin wrappers over reports.exports. `acks_late`
(settings): a worker that dies while producing a report leaves the message on the queue and the
report is produced again from the beginning."""

from celery import shared_task
from django.utils import timezone


@shared_task(name="reports.produce_export", acks_late=True)
def produce_export_task(export_id: int) -> str:
    from .exports import produce

    export = produce(export_id)
    return export.status if export is not None else "missing"


@shared_task(name="reports.monthly_exports", acks_late=True)
def monthly_exports_task() -> int:
    """On the 1st of each month: last month's report for each industry union."""
    from cohesion_portal.dates import previous_month

    from .exports import request_industry_exports

    return len(request_industry_exports(previous_month(timezone.localdate())))
