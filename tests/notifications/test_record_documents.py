"""Documents of a record: the applicant and the agency's staff download them, nobody else; the page lists them."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from documents.constants import DocumentKind
from documents.models import Document
from identity.constants import StaffRole
from records import services as records
from records.constants import WorkflowAction as A
from tests.staff import totp_session

from .conftest import act, login, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def slip(draft, citizen, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = records.submit(draft, actor=citizen)
        act(record, A.RECEIVE, staff["receiver"], StaffRole.RECEIVER)
    return Document.objects.get(object_id=str(record.pk), kind=DocumentKind.RECEIPT_APPOINTMENT)


def download(client, document):
    return client.get(f"/documents/{document.pk}/pdf/")


def test_the_applicant_downloads_the_records_documents(client, slip):
    response = download(client, slip)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_staff_of_the_agency_download_and_staff_elsewhere_and_other_citizens_do_not(client, slip, other_citizen, draft):
    from procedures.models import Agency

    login(client, other_citizen)
    assert download(client, slip).status_code == 404  # not 403: nor whether the document exists

    elsewhere = Agency.objects.exclude(pk=draft.agency_id).first()
    totp_session(client, officer("noikhac", elsewhere, StaffRole.RECEIVER))
    assert download(client, slip).status_code == 404

    totp_session(client, officer("xulykhac", draft.agency, StaffRole.PROCESSOR))
    assert download(client, slip).status_code == 200


def test_record_documents_fragment_lists_issued_documents_with_download_and_verify_links(slip, draft):
    request = RequestFactory().get("/")
    request.user = draft.applicant
    html = render_to_string("documents/_record_documents.html", {"record": draft}, request=request)
    assert "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in html
    assert f"/documents/{slip.pk}/pdf/" in html and f"/verify/{slip.pk}/" in html


def test_verify_page_shows_the_records_current_state(client, slip, staff):
    record = slip.subject
    act(record, A.START_PROCESSING, staff["processor"], StaffRole.PROCESSOR)
    page = client.get(f"/verify/{slip.pk}/").content.decode()
    assert "Đang xử lý" in page and record.code in page
    assert record.applicant_id_number not in page


def test_an_officers_document_list_asks_for_the_role_once_however_many_documents(slip, draft, staff):
    """The back-office record page lists every document of the record: no query per document."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.services import documents_for

    def queries_for_listing():
        record = type(draft).objects.select_related("agency").get(pk=draft.pk)
        request = RequestFactory().get("/")
        request.user = staff["processor"]
        with CaptureQueriesContext(connection) as captured:
            html = render_to_string("documents/_record_documents.html", {"record": record}, request=request)
        return len(captured), html

    one, html = queries_for_listing()
    assert f"/documents/{slip.pk}/pdf/" in html
    for _n in range(3):  # more documents of the same record
        Document.objects.create(
            kind=DocumentKind.SUPPLEMENT_REQUEST,
            agency=draft.agency,
            content_type=slip.content_type,
            object_id=slip.object_id,
            context={},
            idempotency_key=f"extra-{_n}",
        )
    assert len(list(documents_for(draft))) == 4
    four, _html = queries_for_listing()
    assert four == one
