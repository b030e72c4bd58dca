"""Builders for the documents tests; each returns a saved row."""

from django.contrib.auth import get_user_model

from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import AdministrativeUnit, Agency, Procedure


def unit(code="01", name="Thành phố Hà Nội"):
    return AdministrativeUnit.objects.get_or_create(code=code, defaults={"name": name, "level": UnitLevel.PROVINCE})[0]


def agency(code="000.00.21.H56", name="Sở Tư pháp thành phố Hà Nội", *, is_active=True, parent=None):
    return Agency.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "level": AgencyLevel.PROVINCE,
            "unit": unit(),
            "is_active": is_active,
            "parent": parent,
        },
    )[0]


def procedure(code="1.001193"):
    """Records do not exist yet: a procedure stands in for what a document is about."""
    return Procedure.objects.get_or_create(code=code)[0]


def user(username="citizen", **fields):
    return get_user_model().objects.create_user(username=username, password="Mat-khau-2026!", **fields)
