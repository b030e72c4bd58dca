"""The world of the authorisation suite (issue #21): two citizens (A's record names B), officers of two agencies,
an administrator, and every kind of object a URL can name, built ONCE per module inside a transaction that is
rolled back at the end.

Each test still runs in its own savepoint (pytest-django's ``db``), so a request that changes something (a POST
that should have been refused but was not) cannot disturb the next test.
"""

import datetime
import uuid
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from identity.constants import StaffRole
from tests.records.conftest import login as citizen_login
from tests.staff import totp_session

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# Who knocks. The officers of X hold one role each (the head holds them all); officer Y holds every role at Y.
ACTORS = (
    "anonymous",
    "citizen_a",
    "citizen_b",
    "citizen_a_loa1",
    "x_receiver",
    "x_processor",
    "x_approver",
    "x_head",
    "officer_y",
    "admin",
)


@pytest.fixture(autouse=True)
def _private_documents():
    """Replaces the root conftest's per-test storage: the world's files live in the module's directory
    (``world`` points the settings there for the whole module)."""
    yield


def _issued(document):
    from documents.constants import DocumentStatus

    document.file.save(f"{document.pk}.pdf", ContentFile(PDF), save=False)
    document.status = DocumentStatus.ISSUED
    document.save()
    return document


def _document(agency, subject, kind):
    from django.contrib.contenttypes.models import ContentType

    from documents.models import Document
    from tests.documents.conftest import sample_context

    return _issued(
        Document.objects.create(
            kind=kind,
            agency=agency,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=str(subject.pk),
            idempotency_key=f"security-{uuid.uuid4().hex}",
            context={**sample_context(kind), "record_code": getattr(subject, "code", "")},
        )
    )


def build_world() -> SimpleNamespace:
    from documents.constants import DocumentKind
    from documents.models import CitizenSignature
    from eservices.models import IntegratedService
    from feedback.models import Feedback, Rating
    from feedback.services import answer_due, new_code
    from identity.models import User
    from notifications.constants import Event
    from notifications.models import Message
    from payments.constants import PaymentState
    from procedures.models import AdministrativeUnit
    from records import services as records_services
    from records.constants import Channel, ParticipantRole, RecordState
    from records.models import Attachment, CounterVisit, Record, RecordParticipant, ResultDocument
    from tests.eservices import factories as eservices_factories
    from tests.identity import factories as identity_factories
    from tests.records.conftest import filled_draft, payment_for
    from tests.staff import officer

    w = SimpleNamespace()
    w.catalogue = eservices_factories.catalogue()
    places = w.catalogue["places"]
    family = identity_factories.family(AdministrativeUnit.objects.get(code="00004"))
    w.person_a, w.person_b = family["father"], family["mother"]
    w.user_a = identity_factories.citizen_account(w.person_a)
    w.user_b = identity_factories.citizen_account(w.person_b)

    # A's record at agency X, taken to "result returned" with everything a record can carry.
    record = records_services.submit(filled_draft(w.user_a, w.person_a), actor=w.user_a)
    assert record.service.needs_step_up, "the world's record must be one whose service asks for level 2"
    w.agency_x = record.agency
    w.agency_y = places["26743:cong-an"]  # a ward's police in another province: nothing to do with X
    assert w.agency_y.pk != w.agency_x.pk
    # Staff.
    w.x_receiver = officer("sec-tiepnhan", w.agency_x, StaffRole.RECEIVER)
    w.x_processor = officer("sec-xuly", w.agency_x, StaffRole.PROCESSOR)
    w.x_approver = officer("sec-pheduyet", w.agency_x, StaffRole.APPROVER)
    w.x_head = officer("sec-thutruong", w.agency_x, StaffRole.AGENCY_HEAD)
    w.officer_y = officer("sec-noikhac", w.agency_y, *StaffRole.values)
    w.admin = User.objects.create_superuser("sec-quantri", "sec-qt@example.vn", "x", kind=User.Kind.ADMIN)
    w.attachment_a = Attachment.objects.create(
        record=record,
        file=ContentFile(PDF, name="giay-to.pdf"),
        original_name="giay-to.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256="0" * 64,
        uploaded_by=w.user_a,
    )
    w.result_a = ResultDocument.objects.create(
        record=record,
        file=ContentFile(PDF, name="ket-qua.pdf"),
        original_name="ket-qua.pdf",
        content_type="application/pdf",
        size=len(PDF),
        uploaded_by=w.x_processor,
    )
    Record.objects.filter(pk=record.pk).update(state=RecordState.RESULT_RETURNED)
    record.refresh_from_db()
    w.record_a = record
    # A's record names B (the spouse): B may read it at records:named, read-only, and nothing attached to it.
    RecordParticipant.objects.create(
        record=record, role=ParticipantRole.SPOUSE, id_number=w.person_b.id_number, name=w.person_b.full_name
    )
    w.procedure = record.procedure_version.procedure
    w.component = record.procedure_version.components.order_by("pk").first()
    w.bundle = next(item for item in w.catalogue.values() if isinstance(item, IntegratedService))
    w.slip_a = _document(w.agency_x, record, DocumentKind.RECEIPT_APPOINTMENT)
    w.certificate_a = _document(w.agency_x, record, DocumentKind.RESULT_CERTIFICATE)
    w.signature_a = CitizenSignature.objects.create(
        record=record,
        target=CitizenSignature.Target.DECLARATION,
        file=ContentFile(PDF, name="to-khai-da-ky.pdf"),
        sha256="0" * 64,
        content_digest="0" * 64,
        signer_name=w.person_a.full_name,
        signer_id_number=w.person_a.id_number,
        certificate_fingerprint="0" * 64,
        certificate_serial="01",
        certificate_issuer="CA kiểm thử",
        credential_id="cred-a",
        signed_at=timezone.now(),
        status=CitizenSignature.Status.VALID,
        validated_at=timezone.now(),
        signed_by=w.user_a,
    )
    w.payment_a = payment_for(record, w.user_a, amount=10_000, state=PaymentState.PAID)
    type(w.payment_a).objects.filter(pk=w.payment_a.pk).update(receipt_number="BL2026-0000021")
    w.payment_a.refresh_from_db()
    w.receipt_a = _document(w.agency_x, w.payment_a, DocumentKind.PAYMENT_RECEIPT)
    w.message_a = Message.objects.create(
        recipient=w.user_a,
        event=Event.values[0],
        subject=f"Hồ sơ {record.code}",
        body=f"Hồ sơ {record.code} đã có kết quả.",
        url=record.get_absolute_url(),
        idempotency_key=f"security-{record.pk}",
        content_type_id=None,
    )
    w.rating_a = Rating.objects.create(
        record=record,
        applicant=w.user_a,
        agency=w.agency_x,
        procedure=record.procedure_version.procedure,
        overall=4,
        time_against_limit="on_time",
        trips=1,
        agencies_contacted=1,
        reception=3,
        publicity=3,
        staff_attitude=3,
        complaint_handling="none",
        online_tracking=3,
        ease_of_use=3,
    )
    # A second record of A at X, just filed: what the back-office acts on (a refused act must leave it submitted).
    w.open_a = records_services.submit(filled_draft(w.user_a, w.person_a), actor=w.user_a)
    # Its service has a step in person: A booked an appointment at one of X's counters for it.
    from appointments import services as appointment_services
    from appointments import slots as appointment_slots
    from eservices.constants import ServiceDelivery
    from eservices.models import OnlineService
    from tests.appointments.conftest import PRESENCE, counters_for

    OnlineService.objects.filter(pk=w.open_a.service_id).update(
        delivery=ServiceDelivery.PARTLY_ONLINE, presence_step=PRESENCE
    )
    w.open_a = Record.objects.get(pk=w.open_a.pk)
    group, counters = counters_for(w.agency_x)
    w.counter_x = counters[0]
    w.booking_a = appointment_services.book(w.user_a, appointment_slots.bookable(group)[0].pk, record=w.open_a)
    # A draft of A, still being filled in.
    w.draft_a = filled_draft(w.user_a, w.person_a)
    # A desk draft an officer of X is preparing, and a desk visit of X that ended with a list of papers to complete.
    w.counter_draft = filled_draft(w.user_a, w.person_a)
    Record.objects.filter(pk=w.counter_draft.pk).update(channel=Channel.COUNTER)

    w.visit_x = CounterVisit.objects.create(
        agency=w.agency_x,
        procedure_version=record.procedure_version,
        officer=w.x_receiver,
        applicant_name=w.person_a.full_name,
        applicant_id_number=w.person_a.id_number,
        items=["Bản sao giấy khai sinh"],
        reason="Thiếu giấy tờ",
    )
    received = timezone.now() - datetime.timedelta(days=1)
    w.feedback_x = Feedback.objects.create(
        code=new_code(),
        agency=w.agency_x,
        title="Phản ánh",
        content="Nội dung",
        received_at=received,
        due_date=answer_due(timezone.localdate(received)),
    )
    from datastore.constants import ItemSource
    from datastore.models import StoreItem

    # A paper of A's digitised at a desk, kept in A's personal data store.
    w.paper_a = StoreItem.objects.create(
        owner_id_number=w.person_a.id_number,
        source=ItemSource.DIGITISED,
        title="Giấy khám sức khỏe",
        file=ContentFile(PDF, name="giay-kham.pdf"),
        content_type="application/pdf",
    )
    from dataaccess.constants import AccessKind
    from dataaccess.models import DataAccess

    w.access_a = DataAccess.objects.create(
        created_at=timezone.now(),
        subject_id_number=w.person_a.id_number,
        kind=AccessKind.ATTACHMENT_DOWNLOAD,
        officer=w.x_processor,
        officer_name="Sec Xuly",
        agency=w.agency_x,
        agency_name=w.agency_x.name,
        record_id=record.pk,
        record_code=record.code,
    )
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("security")
    from django.conf import settings

    storages = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "documents.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": root / "documents"},
        },
    }
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=str(root / "media"),
            STORAGES=storages,
            DOCUMENT_SIGNING_DIR=root / "signing",
            # The sessions are opened once for the module; a slow run must not see them expire half-way.
            STAFF_SESSION_IDLE_SECONDS=24 * 3600,
            CITIZEN_SESSION_IDLE_SECONDS=24 * 3600,
        ),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world()
            world.sessions = {actor: _open_session(world, actor) for actor in ACTORS if actor != "anonymous"}
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _open_session(world, actor: str) -> str:
    """``actor``'s session key: citizens as after a VNeID login (level 2, or level 1 for ``citizen_a_loa1``),
    officers and the administrator after password and TOTP."""
    from django.conf import settings

    client = Client()
    if actor.startswith("citizen_"):
        user = world.user_b if actor == "citizen_b" else world.user_a
        citizen_login(client, user, acr="LoA1" if actor == "citizen_a_loa1" else "LoA2")
    else:
        totp_session(client, getattr(world, actor))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def client_of(world, actor: str) -> Client:
    """A fresh client holding ``actor``'s session (opened once for the module; what a test changes in it is rolled
    back with the test, and the session cache is cleared before each test)."""
    from django.conf import settings

    client = Client()
    if actor != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    return client
