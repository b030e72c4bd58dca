from django.core.management.base import BaseCommand

from identity.vneid.clients import register_portal_client


class Command(BaseCommand):
    help = "Register the portal as a client of the (simulated) VNeID provider and configure the allauth client."

    def add_arguments(self, parser):
        parser.add_argument("--portal-url", help="Base URL of the portal (default: PORTAL_BASE_URL)")
        parser.add_argument("--issuer", help="VNeID issuer URL (default: VNEID_ISSUER)")

    def handle(self, *args, **options):
        application, social_app = register_portal_client(options.get("portal_url"), options.get("issuer"))
        self.stdout.write(
            self.style.SUCCESS(
                f"VNeID client {application.client_id}: redirect {application.redirect_uris}, "
                f"issuer {social_app.settings['server_url']}"
            )
        )
