"""Print a one-time activation code for an account: how the first administrator (made with ``createsuperuser``),
or an officer whose head cannot reach the staff pages, sets up TOTP. Whoever runs it holds the server already."""

from django.core.management.base import BaseCommand, CommandError

from identity import activation, audit
from identity.constants import StaffEventKind
from identity.models import User
from identity.staffing import has_authenticator


class Command(BaseCommand):
    help = "Issue a one-time activation code (to set up TOTP) for an officer or administrator account."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username__iexact=username, is_active=True).first()
        if user is None or user.kind == User.Kind.CITIZEN:
            raise CommandError(f"No active officer or administrator account named {username!r}.")
        if has_authenticator(user):
            raise CommandError(f"{user.username} already has an authenticator; reset it on the staff pages first.")
        membership = user.memberships.select_related("agency").first()
        agency = membership.agency if membership else None
        code, row = activation.issue(user, agency=agency)
        audit.record_staff(None, kind=StaffEventKind.CODE_ISSUED, agency=agency, officer=user, detail="manage.py")
        self.stdout.write(f"{user.username}: {code} (valid until {row.expires_at:%Y-%m-%d %H:%M} UTC, once)")
