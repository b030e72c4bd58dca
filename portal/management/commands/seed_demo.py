"""Load the demo data (the ``demo`` package). Idempotent: running it twice changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import SEEDERS


class Command(BaseCommand):
    help = "Load the demo catalogue, agencies, units, registry citizens and staff accounts."

    def handle(self, *args, **options):
        for module_name in SEEDERS:
            with transaction.atomic():
                summary = import_module(module_name).seed()
            self.stdout.write(self.style.SUCCESS(f"{module_name}: {summary}"))
