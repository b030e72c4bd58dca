"""Logging officers' and agencies' accesses to a citizen's data, and the citizen's side: their list and reports.

The door that opens the data calls :func:`log_access` once, after it has authorised the officer: the back-office
record page, a record's attachments and results, counter intake (the registry lookup and the form prefilled from
the registry) and API reads by staff. A citizen's own reads are never logged (only officers' accounts are).

Writing costs one statement: the entry is inserted unless the same officer opened the same data in the same way
within ``COLLAPSE_SECONDS`` (``INSERT ... SELECT ... WHERE NOT EXISTS``), so that reloading a record page does
not fill the citizen's list.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from common.net import client_ip

from .constants import COLLAPSE_SECONDS, AccessKind
from .models import AccessReport, DataAccess
from .signals import access_reported

PAGE_SIZE = 20


def log_access(request, kind: AccessKind | str, record=None, *, subject_id_number: str = "", agency=None, detail=""):
    """Log that ``request.user``, an officer, opened a citizen's data; anyone else is not logged.

    ``record``: the record opened (anything with ``pk``, ``code``, ``applicant_id_number`` and ``agency``); its
    applicant is the citizen and its agency the officer's, unless ``subject_id_number`` or ``agency`` say
    otherwise. The persons a filed record names whose knowledge the procedure implies (``record.participants``:
    the other parent, the spouse to be) see the access too: the officer reads their names and ID numbers there.
    Returns True if an entry was written, False if every one was part of a burst of repeated opens.
    """
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_officer", False):
        return False
    subjects = [(subject_id_number or getattr(record, "applicant_id_number", "") or "").strip()]
    if not subject_id_number and record is not None and getattr(record, "code", ""):
        subjects += _participants(record)
    subjects = [s for i, s in enumerate(subjects) if s and s not in subjects[:i]]
    if not subjects:
        return False
    if agency is None and record is not None:
        agency = record.agency
    values = {
        "created_at": timezone.now(),
        "kind": str(kind),
        "officer": user.pk,
        "officer_name": (user.get_full_name() or user.get_username())[:300],
        "agency": getattr(agency, "pk", None),
        "agency_name": (getattr(agency, "display_name", "") or getattr(agency, "name", "") or "")[:500],
        "record_id": getattr(record, "pk", None),
        "record_code": (getattr(record, "code", "") or "")[:64],
        "detail": (detail or "")[:255],
        "ip_address": client_ip(request) or None,
    }
    written = [_insert_unless_recent({**values, "subject_id_number": subject[:12]}) for subject in subjects]
    return any(written)


def log_listing(request, kind: AccessKind | str, records, *, agency, detail="") -> int:
    """Log that ``request.user``, an officer, read the applicant's data of each of ``records`` in one listing (a
    page of the agency's logbook, its export): one entry per record, written in one statement. Each listing is an
    access of its own (not collapsed like reloads of a record page). Returns how many entries were written."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_officer", False):
        return 0
    now, ip = timezone.now(), client_ip(request) or None
    common = {
        "created_at": now,
        "kind": str(kind),
        "officer_id": user.pk,
        "officer_name": (user.get_full_name() or user.get_username())[:300],
        "agency_id": agency.pk,
        "agency_name": (getattr(agency, "display_name", "") or agency.name or "")[:500],
        "detail": (detail or "")[:255],
        "ip_address": ip,
    }
    entries = [
        DataAccess(
            **common,
            subject_id_number=record.applicant_id_number[:12],
            record_id=record.pk,
            record_code=(record.code or "")[:64],
        )
        for record in records
        if record.applicant_id_number
    ]
    DataAccess.objects.bulk_create(entries, batch_size=1000)
    return len(entries)


def _participants(record) -> list[str]:
    """The ID numbers of the other persons a filed record names (none for an object without participants)."""
    participants = getattr(record, "participants", None)
    if participants is None:
        return []
    return [str(n).strip() for n in participants.values_list("id_number", flat=True)]


def log_api_read(request, record) -> bool:
    """An agency's system (a staff session or token) read ``record`` through the API. The agency is the record's
    if the officer works there, else the first agency they work for."""
    from identity.services import memberships

    user = getattr(request, "user", None)
    if not getattr(user, "is_officer", False):
        return False
    agencies = [m.agency for m in memberships(user)]
    agency = next((a for a in agencies if a.pk == record.agency_id), agencies[0] if agencies else None)
    return log_access(request, AccessKind.API_READ, record, agency=agency)


def _insert_unless_recent(values: dict) -> bool:
    """One statement: insert ``values`` unless the same officer opened the same data within the window."""
    meta = DataAccess._meta
    quote = connection.ops.quote_name
    columns, params = [], []
    for name, value in values.items():
        field = meta.get_field(name)
        columns.append(quote(field.column))
        params.append(field.get_db_prep_save(value, connection))
    column = {name: quote(meta.get_field(name).column) for name in values}
    same = [f"{column[name]} = %s" for name in ("officer", "subject_id_number", "kind", "detail")]
    same_params = [values["officer"], values["subject_id_number"], values["kind"], values["detail"]]
    if values["record_id"] is None:
        same.append(f"{column['record_id']} IS NULL")
    else:
        same.append(f"{column['record_id']} = %s")
        same_params.append(meta.get_field("record_id").get_db_prep_save(values["record_id"], connection))
    since = values["created_at"] - timedelta(seconds=COLLAPSE_SECONDS)
    same.append(f"{column['created_at']} >= %s")
    same_params.append(meta.get_field("created_at").get_db_prep_save(since, connection))
    table = quote(meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(['%s'] * len(columns))} "  # noqa: S608 - names are ours
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {' AND '.join(same)})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params + same_params)
        return cursor.rowcount == 1


# --- The citizen's side -------------------------------------------------------------------------------------


def citizen_id_number(request) -> str:
    """The ID number VNeID vouched for in the citizen's session ("" if none): whose entries they may see."""
    from identity.services import citizen_claims

    return str(citizen_claims(request.user, request.session).get("id_number") or "").strip()


def entries_of(id_number: str, page_number=None):
    """The citizen's entries, newest first, a page at a time, each with its report if there is one."""
    entries = DataAccess.objects.filter(subject_id_number=id_number).select_related("report")
    if not id_number:
        entries = entries.none()
    return Paginator(entries, PAGE_SIZE).get_page(page_number)


def entry_of(id_number: str, pk: int) -> DataAccess | None:
    """One entry, only if it is about ``id_number``."""
    if not id_number:
        return None
    return DataAccess.objects.filter(pk=pk, subject_id_number=id_number).select_related("report").first()


def report_access(access: DataAccess, *, reporter, message: str = "", ip_address=None, url: str = ""):
    """Store the citizen's report of ``access`` (once per entry) and tell them it was received.

    Returns ``(report, created)``. The acknowledgement is sent through ``signals.access_reported`` in the same
    transaction (notifications listens), so a report that is not stored tells nobody.
    """
    with transaction.atomic():
        existing = AccessReport.objects.filter(access=access).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                report = AccessReport.objects.create(
                    access=access,
                    agency_id=access.agency_id,
                    reporter=reporter,
                    subject_id_number=access.subject_id_number,
                    message=(message or "").strip()[:2000],
                    ip_address=ip_address or None,
                )
        except IntegrityError:  # the same report sent twice at once
            return AccessReport.objects.get(access=access), False
        access_reported.send(sender=AccessReport, report=report, url=url)
    return report, True
