"""The persons a filing names whose knowledge the procedure implies: the child's other parent, the spouse to be.

When a record is filed, each such person the e-form names (``eservices.person_checks.named_persons``, checked
against the registry before submission) gets a ``RecordParticipant`` row. The row is the authorisation: that
person is told of the filing (``notifications.receivers``) and may read the record in "Hồ sơ của tôi", read-only
(``views.named``), and nothing else of the applicant's: not their other records, the record's files, payments or
documents, and no action on it.

A participant is recognised by the ID number VNeID vouches for at their login (so someone with no portal account
at filing time finds the record once they log in), or by the account they had then.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .constants import ParticipantRole, RecordState
from .models import Record, RecordParticipant


def name_participants(record: Record, event=None) -> list[RecordParticipant]:
    """Write the participants of a record being filed (``workflow``'s submit effect); none for most services."""
    from eservices.person_checks import named_persons

    named = [
        person
        for person in named_persons(record.definition, record.form_data or {})
        if person.notify and person.role in ParticipantRole.values and person.id_number != record.applicant_id_number
    ]
    if not named:
        return []
    accounts = _accounts({person.id_number for person in named})
    rows = [
        RecordParticipant(
            record=record,
            role=person.role,
            id_number=person.id_number,
            name=person.name[:150],
            user_id=accounts.get(person.id_number),
        )
        for person in named
    ]
    return RecordParticipant.objects.bulk_create(rows, ignore_conflicts=True)


def _accounts(id_numbers: set[str]) -> dict[str, int]:
    """ID number → the citizen account VNeID vouches for with it, for those who have one."""
    from allauth.socialaccount.models import SocialAccount

    found = {}
    for key in ("userinfo", "id_token"):
        missing = id_numbers - set(found)
        if not missing:
            break
        rows = SocialAccount.objects.filter(
            provider="vneid", **{f"extra_data__{key}__id_number__in": sorted(missing)}
        ).values_list(f"extra_data__{key}__id_number", "user_id")
        for number, user_id in rows:
            found.setdefault(number, user_id)
    return found


def _id_number(user, session=None) -> str:
    from identity.services import citizen_claims

    return str(citizen_claims(user, session).get("id_number") or "")


def participations(user, session=None) -> QuerySet[RecordParticipant]:
    """The rows naming ``user``: by account, or by the ID number of their VNeID login."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_citizen", False):
        return RecordParticipant.objects.none()
    match = Q(user=user)
    if number := _id_number(user, session):
        match |= Q(id_number=number)
    return RecordParticipant.objects.filter(match)


def records_naming(user, session=None) -> QuerySet[Record]:
    """Filed records of others that name ``user`` as a participant: what they may read, and only that."""
    return (
        Record.objects.filter(pk__in=participations(user, session).values("record_id"))
        .exclude(state=RecordState.DRAFT)
        .exclude(applicant=user)
        .select_related("service", "agency", "procedure_version", "group__bundle")
        .order_by("-submitted_at")
    )


# The applicant's own contact details, which the persons they name do not read on the record.
PRIVATE_PREFILL_PATHS = {"phone_number", "email"}


def shared_answers(definition, data: dict) -> dict:
    """The form's answers a participant reads: all but the applicant's contact details."""
    private = {field for field, path in (definition.prefill_map or {}).items() if path in PRIVATE_PREFILL_PATHS}
    return {field: value for field, value in (data or {}).items() if field not in private}


def participation(user, record: Record, session=None) -> RecordParticipant | None:
    return participations(user, session).filter(record=record).first()


def participation_of_account(user, record: Record) -> RecordParticipant | None:
    """The row naming ``user``'s account on ``record`` (what notifications tell them of)."""
    return record.participants.filter(user=user).first()


def participant_ids(record: Record) -> list[int]:
    """The accounts to tell of the record's filing (participants with an account). No query for a service that
    names nobody to tell."""
    from eservices.person_checks import NOTIFIED_ROLES

    declared = getattr(record.definition, "named_persons", None) or []
    if not any(isinstance(spec, dict) and spec.get("role") in NOTIFIED_ROLES for spec in declared):
        return []
    return list(record.participants.exclude(user=None).values_list("user_id", flat=True))
