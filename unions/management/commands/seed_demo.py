import time

from django.core.management.base import BaseCommand, CommandError

from unions.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, SCALES, DemoBuilder
from unions.models import Union


class Command(BaseCommand):
    help = "Build the demo data set (deterministic for a given --seed). Skips if data exists."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="S")
        parser.add_argument("--seed", type=int, default=2011)

    def handle(self, *args, scale, seed, **options):
        if Union.objects.exists():
            self.stdout.write("Demo data already present; nothing to do.")
            return
        started = time.monotonic()
        try:
            result = DemoBuilder(scale=SCALES[scale], seed=seed).build()
        except Exception as error:  # a half-built set is rolled back by the transaction
            raise CommandError(f"Demo data could not be built: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Built scale {scale}: {result['grassroots']} grassroots unions, "
                f"{result['unions']} unions in all, {result['members']} members, "
                f"in {time.monotonic() - started:.1f}s."
            )
        )
        self.stdout.write(f"Demo accounts (password {DEMO_PASSWORD}):")
        for username, what in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<11} {what}")
