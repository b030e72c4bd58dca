"""Counter intake at the one-stop desk (bộ phận một cửa): any procedure the agency implements, online service or not.

The officer picks the procedure, looks the applicant up in the population registry (which shows what the desk
needs, masked where the whole value is not needed, and creates nothing) or types them in (a foreigner), then starts
the record, ticks the papers received against the procedure's components and either receives it (Mẫu 01 lists
exactly the ticked papers, stored on the receive event), asks for completion on the spot (Mẫu 02, nothing filed:
``documents`` issues it for the counter visit) or refuses it (Mẫu 03). A walk-in record then follows the same
workflow as an online one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from eservices.models import OnlineService

from . import signals
from .constants import Channel, RecordState
from .constants import WorkflowAction as A
from .drafts import start_draft
from .models import Record

# How the Mẫu 01 names a paper's form, as the slip prints it (the slip is in Vietnamese whatever the page language).
PAPER_FORMS = {"original": "Bản chính", "copy": "Bản sao"}
EFORM_PAPER = {"name": "Tờ khai (nhập tại quầy)", "form": "Bản điện tử", "copies": 1}


def counter_applicant(person):
    """The portal account of the person at the desk: their VNeID account if they have one, else a desk-only one.

    A desk-only account cannot log in; their first VNeID login adopts it, with the records
    filed for them (``identity.services.adopt_desk_account``).
    """
    from allauth.socialaccount.models import SocialAccount

    from identity.services import desk_account

    for key in ("userinfo", "id_token"):
        account = (
            SocialAccount.objects.filter(provider="vneid", **{f"extra_data__{key}__id_number": person.id_number})
            .select_related("user")
            .first()
        )
        if account is not None:
            return account.user
    return desk_account(person.id_number, person.full_name)


# --- The procedures a desk receives ----------------------------------------------


def counter_procedures(agency) -> list:
    """The procedures ``agency`` implements in their version in force, each with its online service (or None)."""
    from procedures.constants import VersionStatus
    from procedures.models import Procedure

    procedures = (
        Procedure.objects.filter(
            retired_at__isnull=True,
            current_version__agencies=agency,
            current_version__status=VersionStatus.PUBLISHED,
        )
        .select_related("current_version")
        .distinct()
        .order_by("current_version__name")
    )
    return list(procedures)


def desk_service(version) -> OnlineService:
    """What a record of ``version`` is filed under: its active online service, else the desk's own definition.

    Every record names a definition (form, rules, fees by channel). A procedure with no online service gets one
    with no e-form, inactive, so it is never offered to citizens online (slug ``quay-<procedure>-v<n>``).
    """
    service = version.online_services.filter(is_active=True).order_by("pk").first()
    if service is not None:
        return service
    service, _created = OnlineService.objects.get_or_create(
        slug=f"quay-{version.procedure.code}-v{version.number}".lower().replace(".", "-"),
        defaults={
            "version": version,
            "name": version.name[:500],
            "name_en": version.name_en[:500],
            "is_active": False,
            "form_schema": {"type": "object", "properties": {}},
        },
    )
    return service


# --- Looking a person up ---------------------------------------------------------


def mask_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    return f"{digits[:3]}****{digits[-3:]}" if len(digits) >= 7 else ("***" if digits else "")


def mask_email(email: str) -> str:
    local, at, domain = (email or "").partition("@")
    return f"{local[:1]}***@{domain}" if at else ""


def mask_address(address: str, unit=None) -> str:
    """The commune, district and province in full (the desk checks competence), the street and number masked."""
    if not address and unit is None:
        return ""
    tail = str(unit) if unit is not None else ", ".join(address.split(",")[1:]).strip()
    return f"***, {tail}" if tail else "***"


@dataclass(frozen=True)
class DeskPerson:
    """What the desk sees of a person found in the registry."""

    id_number: str
    full_name: str
    birth_date: object
    sex: str
    nationality: str
    address: str
    phone: str
    email: str


def look_up(id_number: str) -> DeskPerson | None:
    """The registry entry of ``id_number`` as the desk sees it, or None. Creates nothing."""
    from identity.registry.models import Person

    person = Person.objects.filter(id_number=(id_number or "").strip()).select_related("permanent_unit").first()
    if person is None:
        return None
    return DeskPerson(
        id_number=person.id_number,
        full_name=person.full_name,
        birth_date=person.birth_date,
        sex=person.get_sex_display(),
        nationality=person.nationality,
        address=mask_address(person.permanent_address, person.permanent_unit),
        phone=mask_phone(person.phone),
        email=mask_email(person.email),
    )


# --- Starting and closing a walk-in record ---------------------------------------


_TYPED_ID = re.compile(r"^[A-Za-z0-9]{6,12}$")


def start_counter_record(*, version, agency, officer, id_number: str = "", typed: dict | None = None) -> Record:
    """The officer starts the record of a person found in the registry (``id_number``) or typed in (``typed``:
    ``full_name`` and ``id_number``, a passport number for a foreigner)."""
    from identity.constants import StaffRole
    from identity.registry.models import Person
    from identity.services import desk_account, require_role

    require_role(officer, agency, StaffRole.RECEIVER)
    if not version.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(_("%(agency)s không giải quyết thủ tục này.") % {"agency": agency})
    if typed is not None:
        name = " ".join((typed.get("full_name") or "").split())[:150]
        number = (typed.get("id_number") or "").strip().upper()
        errors = []
        if not name:
            errors.append(_("Vui lòng nhập Họ và tên người nộp."))
        if not _TYPED_ID.match(number):
            errors.append(_("Số giấy tờ tùy thân: nhập từ 6 đến 12 chữ cái hoặc chữ số, không có dấu cách."))
        if errors:
            raise ValidationError(errors)
        applicant = desk_account(number, name)
    else:
        person = Person.objects.filter(id_number=(id_number or "").strip()).first()
        if person is None:
            raise ValidationError(_("Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư."))
        applicant, name, number = counter_applicant(person), person.full_name, person.id_number
    return start_draft(
        service=desk_service(version),
        applicant=applicant,
        applicant_id_number=number,
        applicant_name=name,
        agency=agency,
        channel=Channel.COUNTER,
        filed_by=officer,
        desk=True,
    )


def start_counter_draft(*, service: OnlineService, id_number: str, agency, officer) -> Record:
    """A receiver files an online service's record for a citizen found in the population registry."""
    return start_counter_record(version=service.version, agency=agency, officer=officer, id_number=id_number)


def papers_received(record: Record, ticked: list[dict]) -> list[dict]:
    """The Mẫu 01 lines: the e-form when the record has one, then each ticked component with its form and copies.

    ``ticked``: ``{"component": pk, "form": "original" | "copy", "copies": n}`` for the papers the officer ticked.
    """
    components = {c.pk: c for c in record.procedure_version.components.all()}
    form_component = getattr(record.service, "form_component_id", None)
    lines = []
    if record.form_data:
        lines.append(dict(EFORM_PAPER))
    for item in ticked:
        component = components.get(item.get("component"))
        if component is None or component.pk == form_component and record.form_data:
            continue
        copies = item.get("copies") or 1
        if not isinstance(copies, int) or not 1 <= copies <= 99:
            raise ValidationError(_("%(paper)s: số bản phải từ 1 đến 99.") % {"paper": component.name})
        lines.append(
            {"component": component.pk, "name": component.name, "form": PAPER_FORMS[item["form"]], "copies": copies}
        )
    return lines


def receive_at_counter(
    record: Record, ticked: list[dict], *, officer, client_ip=None, digitise_consent: bool = False
) -> Record:
    """File and receive the walk-in record in one go; the receive event holds exactly the papers received.

    ``digitise_consent``: the applicant agreed at the desk that the papers be kept, digitised, in their personal data
    store; the receive event says so (``digitise_consent``), for the store to act on."""
    from identity.constants import StaffRole

    from .drafts import submit
    from .processing import act
    from .workflow import blocking_reasons

    papers = papers_received(record, ticked)
    if not papers:
        raise ValidationError(_("Hãy đánh dấu các giấy tờ đã nhận của người nộp."))
    blocked = blocking_reasons(record, A.RECEIVE)  # e.g. a fee paid at filing: the draft waits, nothing is lost
    if blocked:
        raise ValidationError(blocked)
    with transaction.atomic():
        submit(record, actor=officer, role=StaffRole.RECEIVER, client_ip=client_ip)
        consent = {"digitise_consent": True} if digitise_consent else {}
        act(record, A.RECEIVE, actor=officer, client_ip=client_ip, data={"papers": papers, **consent})
    return record


def refuse_at_counter(record: Record, *, officer, reason: str, client_ip=None) -> Record:
    """Refuse the walk-in filing (Mẫu 03): filed as it stands, then refused with the reason, so the refusal is on
    record. Unlike receiving, nothing needs to be complete: what is missing or wrong may be the reason."""
    from identity.constants import StaffRole

    from .drafts import _submit_locked
    from .processing import act

    if not (reason or "").strip():
        raise ValidationError(_("Hãy ghi rõ lý do từ chối tiếp nhận."))
    with transaction.atomic():
        _submit_locked(record, actor=officer, role=StaffRole.RECEIVER, client_ip=client_ip)
        act(record, A.REFUSE, actor=officer, client_ip=client_ip, reason=reason)
    return record


def ask_completion_at_counter(record: Record, ticked: list[dict], *, officer, note: str = ""):
    """Mẫu 02 on the spot: the papers are incomplete, so nothing is received. The draft the officer started is
    discarded with its scans and a ``CounterVisit`` keeps what must be completed; ``documents`` issues the slip.

    The items: each mandatory component not ticked, then the officer's note (what else is wrong)."""
    from .models import Attachment, CounterVisit

    ticked_ids = {t["component"] for t in ticked}
    missing = [c.name for c in record.procedure_version.components.filter(mandatory=True) if c.pk not in ticked_ids]
    note = (note or "").strip()[:2000]
    items = missing + ([note] if note else [])
    if not items:
        raise ValidationError(
            _("Hãy ghi nội dung người nộp cần bổ sung, hoàn thiện (mọi giấy tờ bắt buộc đã được đánh dấu).")
        )
    with transaction.atomic():
        locked = Record.objects.select_for_update().get(pk=record.pk)
        if locked.state != RecordState.DRAFT or locked.channel != Channel.COUNTER:
            raise ValidationError(_("Hồ sơ đã nộp không thể chuyển thành phiếu hướng dẫn."))
        visit = CounterVisit.objects.create(
            agency=locked.agency,
            procedure_version=locked.procedure_version,
            officer=officer,
            applicant_name=locked.applicant_name,
            applicant_id_number=locked.applicant_id_number,
            items=items,
            reason="Hồ sơ chưa đầy đủ, chưa đúng quy định của thủ tục",  # printed on the slip, in Vietnamese
        )
        files = list(Attachment.objects.filter(record=locked).values_list("file", flat=True))
        Record.objects.filter(pk=locked.pk).delete()
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
        signals.counter_completion_requested.send(sender=CounterVisit, visit=visit)
    return visit
