"""Create the demo certificate authority and a signing certificate for each active agency.

Idempotent: a second run adds only the certificates of agencies that have none
(or whose name changed). Keys go under ``settings.DOCUMENT_SIGNING_DIR``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from documents.signing.pki import DemoPKI
from procedures.models import Agency


class Command(BaseCommand):
    help = "Create the demo CA and one signing certificate per active agency (demo only, no legal value)."

    def handle(self, *args, **options):
        pki = DemoPKI(getattr(settings, "DOCUMENT_SIGNING_DIR", settings.VAR_DIR / "signing"))
        ca_created = pki.ensure_ca()
        created = 0
        for agency in Agency.objects.filter(is_active=True).order_by("code").iterator():
            _credentials, was_created = pki.ensure_agency_certificate(agency)
            created += was_created
        self.stdout.write(
            self.style.SUCCESS(
                f"Signing: CA {'created' if ca_created else 'present'}, {created} agency certificate(s) created "
                f"in {pki.directory}."
            )
        )
