"""``python manage.py report_to_national``: report where every record stands now (``emc.backfill``)."""

from django.core.management.base import BaseCommand, CommandError

from emc.backfill import report_current_statuses
from emc.services import DeliveryFailed


class Command(BaseCommand):
    help = "Queue the national status report of every filed record's latest status change (sent by the outbox)."

    def handle(self, *args, **options):
        try:
            count = report_current_statuses()
        except DeliveryFailed as error:
            raise CommandError(str(error))
        self.stdout.write(f"{count} status reports queued for {self._url()}")

    def _url(self):
        from django.conf import settings

        return settings.NATIONAL_SYNC_URL
