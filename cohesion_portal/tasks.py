from celery import shared_task
from django.db import connection


@shared_task(name="portal.worker_health")
def worker_health() -> dict:
    """Answer from the worker with what it sees: its database and the number of accounts there.

    `manage.py check_worker` sends it, so an operator can tell that the broker, a worker and the
    database are wired together; the integration test uses it for a real round trip.
    """
    from django.contrib.auth import get_user_model

    accounts = get_user_model().objects.count()
    return {"database": connection.settings_dict["NAME"], "accounts": accounts}


@shared_task(name="portal.purge_form_submissions")
def purge_form_submissions(days: int = 2) -> int:
    """Forget the one-time tokens of forms sent more than `days` ago: a resend comes seconds
    after the first send, not days. Safe to run twice."""
    from django.utils import timezone

    from .models import FormSubmission

    cutoff = timezone.now() - timezone.timedelta(days=days)
    deleted, _ = FormSubmission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
