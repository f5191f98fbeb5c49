from celery import shared_task
from django.db import connection


@shared_task(name="portal.worker_health")
def worker_health() -> dict:
    """Answer from the worker with what it sees: its database and the number of unions there.

    `manage.py check_worker` sends it, so an operator can tell that the broker, a worker and the
    database are wired together; the integration test uses it for a real round trip.
    """
    from unions.models import Union

    return {"database": connection.settings_dict["NAME"], "unions": Union.objects.count()}
