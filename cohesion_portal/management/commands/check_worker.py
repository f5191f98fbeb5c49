from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cohesion_portal.tasks import worker_health


class Command(BaseCommand):
    help = "Send a task to a Celery worker and wait for its answer (broker, worker, database)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=20)

    def handle(self, *args, timeout, **options):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("No CELERY_BROKER_URL: tasks run in this process (eager mode).")
        try:
            answer = worker_health.delay().get(timeout=timeout)
        except Exception as error:
            raise CommandError(f"No answer from a worker within {timeout}s: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Worker answered: {answer}"))
