"""What the population registry holds about a person, as VNeID claims, kept for a few minutes.

Every step of a filing reads it (form, attachments, review, submit, the filing API). In
production the registry is a remote national system, so the portal keeps one short-lived
copy per person in the shared cache and drops it as soon as the registry changes that
person, their household, their wallet or a relative named in their claims
(``identity.signals``); a renamed or merged administrative unit drops every copy at
once (the key carries a generation number). Only a bulk update that bypasses model signals
waits out ``REGISTRY_CACHE_SECONDS``.

The key is an HMAC of the ID number, so the cache's key list does not say who filed.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils.crypto import salted_hmac

from ..vneid.claims import person_claims
from .models import EDocument, Person

_GENERATION = "registry:generation"


def _key(id_number: str, generation: int) -> str:
    digest = salted_hmac("identity.registry.snapshot", id_number, algorithm="sha256").hexdigest()[:40]
    return f"registry:person:v2:{generation}:{digest}"


def _generation() -> int:
    generation = cache.get(_GENERATION)
    if generation is None:
        cache.add(_GENERATION, 1, None)
        generation = cache.get(_GENERATION, 1)
    return generation


def person_data(id_number: str) -> dict | None:
    """The person's registry data in the shape of VNeID's claims; None if the registry does not know them."""
    if not id_number:
        return None
    key = _key(id_number, _generation())
    data = cache.get(key)
    if data is None:
        data = _load(id_number)
        if data is not None:
            cache.set(key, data, settings.REGISTRY_CACHE_SECONDS)
    return data


def forget(id_numbers) -> None:
    """Drop the cached copies of these people (after a change in the registry)."""
    generation = _generation()
    keys = [_key(n, generation) for n in id_numbers if n]
    if keys:
        cache.delete_many(keys)
        # Again once the change is committed: a read in between may have cached the old rows.
        transaction.on_commit(lambda: cache.delete_many(keys))


def forget_everyone() -> None:
    """Drop every cached copy (a unit renamed or merged changes the addresses of many people)."""

    def bump():
        try:
            cache.incr(_GENERATION)
        except ValueError:  # not set yet, or evicted: any new number will do
            cache.set(_GENERATION, _generation() + 1, None)

    bump()
    transaction.on_commit(bump)


def affected_by(person: Person) -> set[str]:
    """ID numbers whose claims mention ``person``: themselves, their children, spouse and household."""
    related = Q(father=person) | Q(mother=person) | Q(spouse=person) | Q(household__head=person)
    if person.household_id:
        related |= Q(household_id=person.household_id)
    numbers = set(Person.objects.filter(related).values_list("id_number", flat=True))
    return numbers | {person.id_number}


def _load(id_number: str) -> dict | None:
    found = list(
        Person.objects.select_related("permanent_unit__parent", "temporary_unit__parent", "household")
        .prefetch_related(Prefetch("edocuments", queryset=EDocument.objects.order_by("kind", "number")))
        .filter(id_number=id_number)
        .order_by()[:1]
    )
    if not found:
        return None
    person = found[0]
    # Relatives in one small query rather than four more joins.
    household = person.household
    wanted = {person.father_id, person.mother_id, person.spouse_id, household.head_id if household else None} - {None}
    relatives = (
        {p.pk: p for p in Person.objects.filter(pk__in=wanted).only("pk", "full_name", "id_number")} if wanted else {}
    )
    person.father = relatives.get(person.father_id)
    person.mother = relatives.get(person.mother_id)
    person.spouse = relatives.get(person.spouse_id)
    if household is not None:
        household.head = relatives.get(household.head_id)
    return person_claims(person)
