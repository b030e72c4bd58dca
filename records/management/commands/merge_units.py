"""``python manage.py merge_units OLD [OLD...] --into NEW [--agency OLDCODE=NEWCODE ...] [--date YYYY-MM-DD]``.

Two parts in one transaction: the catalogue retires the units and moves or deactivates their agencies
(``procedures.units``), then records moves the open records (``records.merger``). Either fails, nothing changes.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from procedures.units import merge_units
from records.merger import move_open_records


class Command(BaseCommand):
    help = "Merge administrative units into a successor: agencies and open records move, history and deadlines stay."

    def add_arguments(self, parser):
        parser.add_argument("old", nargs="+", help="codes of the units that cease to exist")
        parser.add_argument("--into", required=True, help="code of the successor unit")
        parser.add_argument(
            "--agency",
            action="append",
            default=[],
            metavar="OLD=NEW",
            help="an agency of a retired unit and the successor's agency that takes its open records",
        )
        parser.add_argument("--date", help="retirement date (default: today)")

    def handle(self, *args, old, into, agency, date, **options):
        try:
            mapping = dict(item.split("=", 1) for item in agency)
            on = datetime.date.fromisoformat(date) if date else None
        except ValueError as error:
            raise CommandError(f"Bad argument: {error}")
        try:
            with transaction.atomic():
                units = merge_units(old, into, agency_map=mapping, on=on)
                records = move_open_records(units)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages))
        self.stdout.write(
            f"Retired {', '.join(units.retired)} into {into}: "
            f"{len(units.agencies_merged)} agencies merged ({units.agencies_merged}), "
            f"{len(units.agencies_moved)} moved, {records.records_moved} open records moved, "
            f"{records.drafts_moved} drafts moved."
        )
