"""``python manage.py merge_units OLD [OLD...] --into NEW [--agency OLDCODE=NEWCODE ...] [--date YYYY-MM-DD]``."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from records.merger import merge_units


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
            report = merge_units(old, into, agency_map=mapping, on=on)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages))
        self.stdout.write(
            f"Retired {', '.join(report.retired)} into {into}: "
            f"{len(report.agencies_merged)} agencies merged ({report.agencies_merged}), "
            f"{len(report.agencies_moved)} moved, {report.records_moved} open records moved, "
            f"{report.drafts_moved} drafts moved."
        )
