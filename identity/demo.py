"""Demo accounts. Passwords are for the local demonstration only and are listed in the README."""

import os

from .models import User

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "Demo@2026")


def seed() -> str:
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"kind": User.Kind.ADMIN, "is_staff": True, "is_superuser": True, "first_name": "Quản trị"},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    return f"{User.objects.count()} accounts"
