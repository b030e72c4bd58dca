"""A citizen's driving-licence renewal, birth registration and residence registration, taken through the real workflow
by the back-office's staff; the procedures' results typed as the demo types them (``demo.results``)."""

import pytest

from eservices.models import OnlineService
from procedures.constants import PaperKind
from procedures.models import DocumentComponent, Procedure
from records import services
from records.models import Record
from records.reuse import SOURCE
from tests.backoffice.conftest import (  # noqa: F401
    _records_rules_only,
    advance,
    catalogue,
    citizen,
    family,
    login,
    make_officer,
    other_citizen,
)
from tests.records import files

LICENCE = "012345678901"
LICENCE_PAPER = "Bản sao giấy phép lái xe"


@pytest.fixture(autouse=True)
def typed_results(catalogue):  # noqa: F811
    Procedure.objects.filter(code="1.002804").update(result_type=PaperKind.DRIVING_LICENCE)
    Procedure.objects.filter(code="1.001193").update(result_type=PaperKind.BIRTH_CERTIFICATE)
    Procedure.objects.filter(code="1.004194").update(result_type=PaperKind.RESIDENCE_CONFIRMATION)
    DocumentComponent.objects.filter(name__startswith=LICENCE_PAPER).update(paper_type=PaperKind.DRIVING_LICENCE)


def renewal_draft(user, person):
    """A complete draft of the renewal: the form, the health certificate uploaded, the wallet licence named."""
    from eservices import prefill

    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    record = services.start_draft(
        service=service, applicant=user, applicant_id_number=person.id_number, applicant_name=person.full_name
    )
    services.save_form(
        [record],
        {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "birth_date": person.birth_date.isoformat(),
            "licence_number": LICENCE,
            "licence_class": "B",
            "reason": "expired",
            "delivery": "online",
        },
        ["full_name", "id_number", "birth_date", "licence_number", "licence_class"],
    )
    Record.objects.filter(pk=record.pk).update(eligibility_answers={"has_licence": True})
    record.refresh_from_db()
    components = {c.name: c for c in record.procedure_version.components.all()}
    health = next(c for name, c in components.items() if name.startswith("Giấy khám sức khỏe"))
    services.attach(record, health, files.pdf("giay-kham-suc-khoe.pdf"), by=user)
    licence = next(c for name, c in components.items() if name.startswith(LICENCE_PAPER))
    document = prefill.wallet_document(prefill.registry_data(person.id_number), "driving_licence", LICENCE)
    services.use_wallet_document(record, licence, "driving_licence", document)
    return record


def licence_component(record):
    return record.procedure_version.components.get(name__startswith=LICENCE_PAPER)


@pytest.fixture
def renewal(citizen, family):  # noqa: F811
    return services.submit(renewal_draft(citizen, family["father"]), actor=citizen)


def staff_of(agency):
    from identity.constants import StaffRole

    return {
        "receiver": make_officer("tiepnhan", agency, StaffRole.RECEIVER),
        "processor": make_officer("xuly", agency, StaffRole.PROCESSOR),
        "approver": make_officer("pheduyet", agency, StaffRole.APPROVER),
    }


@pytest.fixture
def returned_renewal(renewal, django_capture_on_commit_callbacks):
    """The renewal returned, with every side effect run (the signed result, the outbox rows)."""
    staff = staff_of(renewal.agency)
    with django_capture_on_commit_callbacks(execute=True):
        record = advance(renewal, staff, "result_returned")
    record.staff = staff
    return record


__all__ = ["SOURCE", "catalogue", "citizen", "family", "login", "other_citizen"]
