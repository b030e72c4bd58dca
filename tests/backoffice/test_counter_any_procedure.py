"""Counter intake for every procedure the agency implements (issue #16 item 1): a procedure with no online service
received with a checklist and a Mẫu 01 listing exactly the ticked papers; a look-up that creates nothing and masks
contact data; a foreigner typed in; a refusal on the spot (Mẫu 03)."""

import pytest
from django.test import Client

from dataaccess.models import DataAccess
from documents.constants import DocumentKind
from documents.models import Document
from eservices.models import OnlineService
from identity.constants import StaffRole
from records.constants import Channel
from records.constants import RecordState as S
from records.models import Record
from tests.documents.conftest import pdf_text, read_pdf
from tests.procedures import factories as procedures
from tests.records import files

from .conftest import make_officer, staff_login
from .test_demo_staff import seeded  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward(catalogue):
    return OnlineService.objects.get(slug="dang-ky-thuong-tru").version.agencies.first()


@pytest.fixture
def desk(ward):
    return staff_login(Client(), make_officer("quay", ward, StaffRole.RECEIVER))


@pytest.fixture
def paper_procedure(ward):
    """A procedure the ward implements with no online service: three papers, one a copy, one optional."""
    from procedures.models import LegalBasis
    from procedures.services import publish_version

    version = procedures.draft("2.000001", name="Chứng thực chữ ký trong giấy tờ", agencies=[ward], components=0)
    names = [("Giấy tờ cần chứng thực", 1, 0, True), ("Bản sao giấy tờ tùy thân", 0, 1, True)]
    names.append(("Giấy ủy quyền", 1, 0, False))
    for order, (name, originals, copies, mandatory) in enumerate(names):
        version.components.create(
            order=order, name=name, original_count=originals, copy_count=copies, mandatory=mandatory
        )
    LegalBasis.objects.create(version=version, **procedures.LEGAL_BASIS)
    version = publish_version(version)
    assert not version.online_services.exists()
    return version


def test_a_look_up_creates_nothing_masks_contact_data_and_is_logged(desk, ward, family, paper_procedure):
    person = family["father"]
    person.phone, person.email = "0912345678", "an.nguyen@example.vn"
    person.save()
    page = desk.get(f"/backoffice/agencies/{ward.code}/counter/").content.decode()
    assert "Chứng thực chữ ký trong giấy tờ" in page  # a procedure with no online service is offered

    response = desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "lookup", "procedure": paper_procedure.procedure.code, "id_number": person.id_number},
    )
    text = response.content.decode()
    assert response.status_code == 200 and person.full_name in text
    assert person.birth_date.strftime("%d/%m/%Y") in text  # the desk checks the birth date
    assert "0912345678" not in text and "091****678" in text
    assert "an.nguyen@example.vn" not in text and "a***@example.vn" in text
    if person.permanent_address:
        assert person.permanent_address not in text
    assert not Record.objects.filter(applicant_id_number=person.id_number).exists()
    assert DataAccess.objects.filter(subject_id_number=person.id_number, kind="registry_lookup").exists()


def test_a_procedure_with_no_online_service_is_received_with_a_checklist_and_mau_01(
    desk, ward, family, paper_procedure, django_capture_on_commit_callbacks
):
    person = family["father"]
    started = desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": paper_procedure.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    assert started["Location"].endswith(f"/backoffice/counter/{draft.pk}/")
    assert draft.channel == Channel.COUNTER and draft.procedure_version == paper_procedure
    assert not draft.service.is_active  # never offered online

    form = desk.get(f"/backoffice/counter/{draft.pk}/").content.decode()
    first, second, third = paper_procedure.components.order_by("order")
    assert first.name in form and second.name in form and third.name in form
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            f"/backoffice/counter/{draft.pk}/",
            {
                "outcome": "receive",
                f"received_{first.pk}": "1",
                f"form_{first.pk}": "original",
                f"copies_{first.pk}": "2",
                f"file_{first.pk}": files.pdf("giay-to-quet.pdf"),
                f"received_{second.pk}": "1",
                f"form_{second.pk}": "copy",
                f"copies_{second.pk}": "1",
                f"file_{second.pk}": files.pdf("cccd-quet.pdf"),
                # the power of attorney was not brought: not ticked
            },
        )
    record = Record.objects.get(pk=draft.pk)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert record.state == S.RECEIVED and record.code and record.due_date
    assert {a.component for a in record.attachments.all()} == {first, second}
    page = desk.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert record.code in page and "Giấy tờ cần chứng thực" in page  # the record page reads like any other

    slip = Document.objects.get(kind=DocumentKind.RECEIPT_APPOINTMENT, object_id=str(record.pk))
    text = " ".join(pdf_text(read_pdf(slip)).split())
    assert f"{first.name} Bản chính 2" in text and f"{second.name} Bản sao 1" in text
    assert third.name not in text and "Tờ khai" not in text  # exactly what was received; there is no e-form


def test_the_mau_01_of_an_online_service_received_at_the_counter_lists_the_e_form(
    desk, ward, family, django_capture_on_commit_callbacks
):
    person = family["father"]
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": service.version.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    assert draft.service == service
    component = service.version.components.exclude(pk=service.form_component_id).first()
    answers = {
        "full_name": person.full_name,
        "id_number": person.id_number,
        "birth_date": person.birth_date.isoformat(),
    }
    answers |= {"request": "Đăng ký thường trú", "delivery": "online"}
    ticks = {f"received_{component.pk}": "1", f"form_{component.pk}": "copy", f"copies_{component.pk}": "1"}
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(f"/backoffice/counter/{draft.pk}/", {"outcome": "receive", **answers, **ticks})
    assert response.status_code == 302, response.content.decode()[:3000]
    slip = Document.objects.get(kind=DocumentKind.RECEIPT_APPOINTMENT, object_id=str(draft.pk))
    text = " ".join(pdf_text(read_pdf(slip)).split())
    assert "Tờ khai (nhập tại quầy) Bản điện tử 1" in text and f"{component.name} Bản sao 1" in text


def test_a_foreigner_typed_in_and_a_refusal_on_the_spot_issues_mau_03(
    desk, ward, paper_procedure, django_capture_on_commit_callbacks
):
    missing = desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "typed", "procedure": paper_procedure.procedure.code, "full_name": "John Smith", "id_number": "C1"},
    )
    assert "Số giấy tờ tùy thân" in missing.content.decode() and "John Smith" in missing.content.decode()
    assert not Record.objects.exists()
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {
            "step": "typed",
            "procedure": paper_procedure.procedure.code,
            "full_name": "John Smith",
            "id_number": "C1234567",
        },
    )
    draft = Record.objects.get(applicant_id_number="C1234567")
    assert draft.applicant_name == "John Smith"
    # Nothing scanned, nothing ticked: a refusal needs only its reason.
    refused = desk.post(f"/backoffice/counter/{draft.pk}/", {"outcome": "refuse"})
    assert "lý do" in refused.content.decode() and Record.objects.get(pk=draft.pk).state == S.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(f"/backoffice/counter/{draft.pk}/", {"outcome": "refuse", "reason": "Không thuộc thẩm quyền"})
    record = Record.objects.get(pk=draft.pk)
    assert record.state == S.REFUSED
    slip = Document.objects.get(kind=DocumentKind.REFUSAL, object_id=str(record.pk))
    assert "Không thuộc thẩm quyền" in " ".join(pdf_text(read_pdf(slip)).split())


def test_mau_02_on_the_spot_creates_no_record(desk, ward, family, paper_procedure, django_capture_on_commit_callbacks):
    from records.models import CounterVisit

    person = family["father"]
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": paper_procedure.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    first, second, _third = paper_procedure.components.order_by("order")
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            f"/backoffice/counter/{draft.pk}/",
            {
                "outcome": "complete",
                f"received_{first.pk}": "1",
                f"file_{first.pk}": files.pdf("giay-to-quet.pdf"),
                "reason": "Giấy tờ cần chứng thực phải có chữ ký trước mặt cán bộ",
            },
        )
    visit = CounterVisit.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/backoffice/counter/visits/{visit.pk}/")
    assert not Record.objects.exists()  # nothing received, nothing filed
    assert visit.items == [second.name, "Giấy tờ cần chứng thực phải có chữ ký trước mặt cán bộ"]

    slip = Document.objects.get(kind=DocumentKind.SUPPLEMENT_REQUEST, object_id=str(visit.pk))
    text = " ".join(pdf_text(read_pdf(slip)).split())
    assert person.full_name in text and second.name in text and "chữ ký trước mặt cán bộ" in text
    page = desk.get(response["Location"]).content.decode()
    assert second.name in page and f"/documents/{slip.pk}/" in page
    assert desk.get(f"/documents/{slip.pk}/pdf/").status_code == 200


def test_the_demo_counter_only_desk_offers_its_procedures(seeded):  # noqa: F811
    from records import services

    from .test_demo_staff import _desk

    agency, _roles = _desk("tiepnhan.quay")
    procedures = services.counter_procedures(agency)
    assert procedures and all(not p.current_version.online_services.filter(is_active=True) for p in procedures)


def test_an_online_service_is_refused_at_the_counter_whatever_its_e_form_says(desk, ward, family):
    person = family["father"]
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": service.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    response = desk.post(
        f"/backoffice/counter/{draft.pk}/", {"outcome": "refuse", "request": "", "reason": "Không đủ điều kiện"}
    )
    assert response.status_code == 302
    record = Record.objects.get(pk=draft.pk)
    assert record.state == S.REFUSED and record.events.get(action="refuse").reason == "Không đủ điều kiện"
