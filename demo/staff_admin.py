"""Who manages the demo staff, and the activation codes of the demo staff who have not set up TOTP yet.

``quantri.hanoi`` administers the staff of every agency of Hà Nội (the ward, the department and the counter desk
of ``demo.desks`` among them) beside each desk's head. An officer enrols an authenticator only with a one-time code from their head (``identity.activation``). The demo's
codes are derived from ``DEMO_PASSWORD`` and the username, so every seed prints the same code for the same officer
(and renews its expiry) until they use it; an officer who has enrolled gets none. Demo only, like the passwords.
"""

import hashlib
import hmac

from identity import activation
from identity.models import ProvinceAdministrator, User
from identity.staffing import has_authenticator
from procedures.models import AdministrativeUnit

from .accounts import DEMO_PASSWORD
from .desks import DESKS

PROVINCE_ADMIN = ("quantri.hanoi", "Quản trị", "Cán bộ tỉnh", "01")  # username, given name, family name, province


def demo_code(username: str) -> str:
    digest = hmac.new(DEMO_PASSWORD.encode(), f"activation:{username}".encode(), hashlib.sha256).digest()
    return "".join(activation.ALPHABET[b % len(activation.ALPHABET)] for b in digest[: activation.LENGTH])


def seed_province_admin() -> User | None:
    username, given, family, code = PROVINCE_ADMIN
    province = AdministrativeUnit.objects.filter(code=code, level="province").first()
    if province is None:
        return None
    user, created = User.objects.get_or_create(
        username=username, defaults={"kind": User.Kind.STAFF, "first_name": given, "last_name": family}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    ProvinceAdministrator.objects.get_or_create(user=user, province=province)
    return user


def seed() -> str:
    seed_province_admin()
    usernames = ["admin", PROVINCE_ADMIN[0]] + [u for _k, _r, people in DESKS for u, _n, _roles in people]
    printed = []
    for user in User.objects.filter(username__in=usernames, is_active=True).order_by("username"):
        if has_authenticator(user):
            continue
        code = demo_code(user.username)
        membership = user.memberships.select_related("agency").first()
        activation.issue(user, agency=membership.agency if membership else None, code=code)
        printed.append(f"  {user.username:<18} {activation.display(code)}")
    if not printed:
        return "every demo officer has set up TOTP"
    return "activation codes (log in, then type the code to set up TOTP):\n" + "\n".join(printed)
