from dataclasses import asdict

from celery import shared_task
from django.utils import timezone


@shared_task(name="reminders.refresh", acks_late=True)
def refresh_daily() -> dict:
    """Each morning: open today's reminders, close those no longer due. Safe to run twice."""
    from .services import refresh_reminders

    return asdict(refresh_reminders(timezone.localdate()))
