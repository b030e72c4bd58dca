import datetime

from django.core.management.base import BaseCommand, CommandError

from payments.providers.base import ProviderError
from payments.reconciliation import reconcile


class Command(BaseCommand):
    help = "Compare the gateway's daily statement (CSV) with the portal's payments and report every mismatch."

    def add_arguments(self, parser):
        parser.add_argument("date", help="YYYY-MM-DD (local date)")
        parser.add_argument("--provider", default=None)
        parser.add_argument("--fail-on-mismatch", action="store_true", help="exit with status 1 if any mismatch")

    def handle(self, *args, date, provider, fail_on_mismatch, **options):
        try:
            day = datetime.date.fromisoformat(date)
        except ValueError:
            raise CommandError(f"Not a date: {date!r} (expected YYYY-MM-DD)") from None
        try:
            count, mismatches = reconcile(day, provider)
        except ProviderError as error:
            raise CommandError(f"Could not fetch the statement: {error}") from None
        for mismatch in mismatches:
            self.stdout.write(f"MISMATCH\t{mismatch}")
        self.stdout.write(f"{day.isoformat()}: {count} statement lines, {len(mismatches)} mismatches")
        if mismatches and fail_on_mismatch:
            raise CommandError(f"{len(mismatches)} mismatches")
