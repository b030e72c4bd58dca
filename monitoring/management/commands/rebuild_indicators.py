from django.core.management.base import BaseCommand

from monitoring.counting import rebuild


class Command(BaseCommand):
    help = "Recompute every monitoring figure from the records and their events (the same rule as the live count)."

    def handle(self, *args, **options):
        replayed = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Rebuilt the figures from {replayed} records."))
