"""What a returned result changes in the simulated population registry and the VNeID wallet.

The national registry and the wallet are written by the agencies whose procedures change them (the police for a
driving licence and a residence, the civil-status office for a birth). In this simulation the portal plays that
part: the personal data store (``datastore``) calls these functions when a result of such a procedure is returned.
Each one writes the registry's own rows and drops the cached copies of everyone whose claims mention the people it
changed (``snapshot.forget``), so the next filing reads the new data at once.
"""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction

from ..constants import EDocumentKind, Relationship, Sex
from ..validators import build_id_number
from . import snapshot
from .models import EDocument, Person


def _forget(*people: Person) -> None:
    numbers: set[str] = set()
    for person in people:
        if person is not None:
            numbers |= snapshot.affected_by(person)
    snapshot.forget(numbers)


@transaction.atomic
def replace_driving_licence(
    id_number: str,
    *,
    number: str,
    licence_class: str,
    issued_on: datetime.date,
    expires_on: datetime.date | None,
    issuer: str,
    replaces: str = "",
) -> EDocument:
    """The renewed licence takes the place of the one it renews (``replaces``, or the licence with the same number)
    in the holder's wallet: one licence row, with the new dates, class and issuer."""
    person = Person.objects.select_for_update().get(id_number=id_number)
    licences = EDocument.objects.select_for_update().filter(person=person, kind=EDocumentKind.DRIVING_LICENCE)
    old = licences.filter(number=replaces or number).first() or licences.filter(number=number).first()
    if old is not None and old.number != number:
        old.delete()
        old = None
    document = old or EDocument(person=person, kind=EDocumentKind.DRIVING_LICENCE, number=number)
    document.issued_on, document.expires_on, document.issuer = issued_on, expires_on, issuer
    document.details = {**(document.details or {}), "class": licence_class}
    document.save()
    _forget(person)
    return document


def new_id_number(province_code: str, birth_date: datetime.date, sex: str) -> str:
    """A personal identification number not yet in the registry: province of birth registration, century and sex,
    year of birth, and a random six-digit serial."""
    for _attempt in range(50):
        candidate = build_id_number(province_code, birth_date, sex, secrets.randbelow(10**6))
        if not Person.objects.filter(id_number=candidate).exists():
            return candidate
    raise RuntimeError("No free identification number found")  # a million serials per province and year


@transaction.atomic
def register_newborn(
    *,
    full_name: str,
    birth_date: datetime.date,
    sex: str,
    province_code: str,
    parents: list[str],
    birth_place: str = "",
) -> Person:
    """The newborn enters the registry with a new ID number, linked to the parents (by their sex) and in their
    household: the household the parents share, else the first parent's (a person belongs to one household in the
    registry). The child's residence is the household's."""
    found = {p.id_number: p for p in Person.objects.select_for_update().filter(id_number__in=parents)}
    family = [found[n] for n in parents if n in found]
    father = next((p for p in family if p.sex == Sex.MALE), None)
    mother = next((p for p in family if p.sex == Sex.FEMALE), None)
    households = [p.household for p in family if p.household_id]
    shared = next((h for h in households if all(p.household_id == h.pk for p in family)), None)
    household = shared or (households[0] if households else None)
    anchor = next((p for p in family if household and p.household_id == household.pk), family[0] if family else None)
    child = Person(
        id_number=new_id_number(province_code, birth_date, sex),
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        place_of_origin=(father or mother).place_of_origin if (father or mother) else "",
        father=father,
        mother=mother,
        household=household,
        relationship_to_head=_relationship_to_head(household, father, mother),
        permanent_unit=anchor.permanent_unit if anchor else None,
        permanent_address=anchor.permanent_address if anchor else "",
    )
    child.save()
    _forget(child, *family)
    return child


def _relationship_to_head(household, father, mother) -> str:
    if household is None:
        return ""
    if household.head_id and household.head_id in {getattr(father, "pk", None), getattr(mother, "pk", None)}:
        return Relationship.CHILD
    return Relationship.GRANDCHILD if household.head_id else Relationship.CHILD


@transaction.atomic
def change_permanent_residence(id_number: str, *, unit, address: str) -> Person:
    """The new permanent residence replaces the old one."""
    person = Person.objects.select_for_update().get(id_number=id_number)
    person.permanent_unit, person.permanent_address = unit, address
    person.save(update_fields=["permanent_unit", "permanent_address"])
    _forget(person)
    return person
