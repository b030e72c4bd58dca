"""Load the demo data of every app. Idempotent: running it twice changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Order matters: identity needs the administrative units of the catalogue.
SEEDERS = ["procedures.demo", "identity.demo", "eservices.demo"]


class Command(BaseCommand):
    help = "Load the demo catalogue, agencies, units, registry citizens and staff accounts."

    def handle(self, *args, **options):
        for module_name in SEEDERS:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as error:
                if error.name != module_name:
                    raise
                continue
            with transaction.atomic():
                summary = module.seed()
            self.stdout.write(self.style.SUCCESS(f"{module_name}: {summary}"))
