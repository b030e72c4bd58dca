from django.core.management.base import BaseCommand

from identity.vneid import keys


class Command(BaseCommand):
    help = (
        "Retire the VNeID signing key and create a new one. The old public key stays in the JWKS for "
        "VNEID_ID_TOKEN_LIFETIME seconds; restart the web processes to start signing with the new key."
    )

    def handle(self, *args, **options):
        path = keys.rotate(keys.key_dir())
        self.stdout.write(self.style.SUCCESS(f"New signing key at {path}"))
