"""Celery tasks of the reports app: thin wrappers over reports.services.exports. `acks_late` and
`reject_on_worker_lost` (settings): a worker that dies while producing a report leaves the
message to be delivered again, and that delivery takes the report over (cohesion_portal.jobs)
and produces it from the beginning."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from cohesion_portal import jobs


@shared_task(bind=True, name="reports.produce_export", acks_late=True)
def produce_export_task(self, export_id: int) -> str:
    from .services.exports import produce

    export = produce(export_id, task_id=self.request.id)
    if export is None:
        return "missing"
    if jobs.is_elsewhere(export, self.request.id) and not self.request.is_eager:
        # Another message is producing it: look again in a while, and take it over then if
        # its worker has died meanwhile.
        raise self.retry(countdown=settings.JOB_LEASE_SECONDS, max_retries=jobs.watch_retries())
    return export.status


@shared_task(name="reports.monthly_exports", acks_late=True)
def monthly_exports_task() -> int:
    """On the 1st of each month: last month's report for each industry union."""
    from cohesion_portal.dates import previous_month

    from .services.exports import request_industry_exports

    return len(request_industry_exports(previous_month(timezone.localdate())))
