"""python manage.py export_monthly_report --month 2026-10 --output report.xlsx

The monthly Excel report written straight to a file, without a record on the reports page.
Covers everything by default; --industry-union (its code) or --user (a username) narrow it to
that industry union or to that user's area."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.access import EVERYTHING, Reader, industry_reader
from reports.excel import write_report
from reports.services.exports import ExportRefused, check_month, report_context, scope_label
from unions.models import IndustryUnion


class Command(BaseCommand):
    help = "Write the monthly Excel report of a month to a file."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM")
        parser.add_argument("--output", required=True, help="the .xlsx file to write")
        area = parser.add_mutually_exclusive_group()
        area.add_argument("--industry-union", help="the code of one industry union")
        area.add_argument("--user", help="a username: the report covers that user's area")

    def handle(self, *args, month, output, industry_union, user, **options):
        try:
            first = datetime.datetime.strptime(month, "%Y-%m").date()
            first = check_month(first, timezone.localdate())
        except ValueError as error:
            reason = error if isinstance(error, ExportRefused) else "expected YYYY-MM"
            raise CommandError(f"--month {month}: {reason}") from None
        reader, label = self._reader(industry_union, user)
        titles = write_report(
            report_context(reader, first, label),
            output,
            progress=lambda done, total, title: self.stdout.write(f"{done}/{total} {title}"),
        )
        self.stdout.write(self.style.SUCCESS(f"{output}: {len(titles)} sheets, {label}"))

    def _reader(self, industry_union, username):
        if industry_union:
            industry = IndustryUnion.objects.filter(code=industry_union).first()
            if industry is None:
                codes = ", ".join(IndustryUnion.objects.values_list("code", flat=True))
                raise CommandError(f"No industry union {industry_union!r} (there are: {codes})")
            return industry_reader(industry.pk), industry.name
        if username:
            account = get_user_model().objects.filter(username=username).first()
            if account is None:
                raise CommandError(f"No user {username!r}")
            return account, scope_label(account)
        return Reader(EVERYTHING), _("All industry unions")
