"""Demo accounts and the demo population registry. Passwords are for the local demonstration only and are listed in the README."""

import os
import unicodedata

from django.utils import timezone

from identity.constants import Relationship
from identity.models import EDocument, Household, Person, User
from identity.validators import PROVINCE_CODES, build_id_number
from identity.vneid.clients import register_portal_client
from identity.vneid.models import VNeIDAccount
from procedures.constants import UnitLevel
from procedures.models import AdministrativeUnit

from .population import all_households, health_card, health_card_number

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "Demo@2026")
# Province codes used for identification numbers when the catalogue has no province units.
FALLBACK_ID_PROVINCES = ["001", "079", "048", "031", "092", "046", "038", "075"]


def seed() -> str:
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"kind": User.Kind.ADMIN, "is_staff": True, "is_superuser": True, "first_name": "Quản trị"},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    people = seed_registry()
    register_portal_client()
    # The demo officers are seeded with their desks, once the online services exist (demo.desks).
    return f"{User.objects.count()} accounts, {people} people in the registry, VNeID client registered"


def _province_units():
    provinces = list(
        AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, retired_on__isnull=True).order_by("code")
    )
    return [
        (province, list(province.children.filter(retired_on__isnull=True).order_by("code"))) for province in provinces
    ]


def _id_province_code(province, index: int) -> str:
    if province is not None and f"0{province.code}" in PROVINCE_CODES:
        return f"0{province.code}"
    if province is not None and province.code in PROVINCE_CODES:
        return province.code
    return FALLBACK_ID_PROVINCES[index % len(FALLBACK_ID_PROVINCES)]


def seed_registry() -> int:
    today = timezone.localdate()
    units = _province_units()
    serial = 0
    count = 0
    for h_index, demo in enumerate(all_households(today)):
        province, communes = units[demo.province_index % len(units)] if units else (None, [])
        if demo.province_code:
            province, communes = next(((p, c) for p, c in units if p.code == demo.province_code), (None, []))
        commune = communes[h_index % len(communes)] if communes else None
        id_province = (
            f"0{demo.province_code}" if demo.province_code else _id_province_code(province, demo.province_index)
        )
        household, _ = Household.objects.update_or_create(
            code=f"HK{id_province}{h_index + 1:06d}",
            defaults={"unit": commune or province, "address": demo.street},
        )
        rows = {}
        for member in demo.members:
            serial += 1
            id_number = build_id_number(id_province, member.birth_date, member.sex, 100000 + serial * 37)
            local_part = _ascii(member.full_name).lower().replace(" ", ".")
            person, _ = Person.objects.update_or_create(
                id_number=id_number,
                defaults={
                    "full_name": member.full_name,
                    "birth_date": member.birth_date,
                    "sex": member.sex,
                    "ethnicity": member.ethnicity,
                    "place_of_origin": province.name if province else "",
                    "permanent_unit": commune or province,
                    "permanent_address": demo.street,
                    "phone": f"09{(serial * 7919) % 10**8:08d}",
                    "email": f"{local_part}.{serial}@example.vn",
                    "marital_status": member.marital_status,
                    "household": household,
                    "relationship_to_head": member.relationship,
                },
            )
            rows[member.relationship] = rows.get(member.relationship, []) + [person]
            account, created = VNeIDAccount.objects.get_or_create(person=person, defaults={"level": member.level})
            if created:
                account.set_password(_password_for(person))
                account.save()
            for doc in [*member.documents, health_card(health_card_number(serial, id_province), today)]:
                EDocument.objects.update_or_create(
                    kind=doc["kind"],
                    number=doc["number"],
                    defaults={
                        "person": person,
                        "issued_on": doc["issued_on"],
                        "expires_on": doc["expires_on"],
                        "issuer": doc["issuer"],
                        "details": doc["details"],
                    },
                )
            count += 1
        head = rows[Relationship.HEAD][0]
        household.head = head
        household.save(update_fields=["head"])
        spouse = (rows.get(Relationship.SPOUSE) or [None])[0]
        if spouse:
            Person.objects.filter(pk=head.pk).update(spouse=spouse)
            Person.objects.filter(pk=spouse.pk).update(spouse=head)
        for child in rows.get(Relationship.CHILD, []):
            father, mother = (head, spouse) if head.sex == "male" else (spouse, head)
            Person.objects.filter(pk=child.pk).update(father=father, mother=mother)
    return count


def _password_for(person) -> str:
    return DEMO_PASSWORD


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
