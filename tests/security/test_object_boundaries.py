"""What the URL table cannot say by a status alone: a refused action changes nothing, and the answers that must not
tell another citizen that A's object exists (issue #21)."""

import pytest

from records.constants import RecordState
from records.models import Record

from .conftest import client_of

pytestmark = pytest.mark.django_db

# Refusing a just-filed record: the receiver's act (receiving it would first want its fee paid).
REFUSE = {"action": "refuse", "reason": "Hồ sơ không thuộc thẩm quyền giải quyết"}


@pytest.mark.parametrize("document", ["slip_a", "certificate_a", "receipt_a"])
def test_citizen_b_cannot_tell_that_a_document_of_a_exists(world, document):
    """A 403 would confirm the PDF exists (and whose it is, from where the link came): B gets the 404 an unknown
    address gets."""
    url = f"/documents/{getattr(world, document).pk}/pdf/"
    mine = client_of(world, "citizen_a").get(url)
    assert mine.status_code == 200 and b"".join(mine.streaming_content).startswith(b"%PDF")
    response = client_of(world, "citizen_b").get(url)
    assert response.status_code == 404
    unknown = client_of(world, "citizen_b").get("/documents/00000000-0000-4000-8000-000000000000/pdf/")
    assert unknown.status_code == 404


def test_officer_y_cannot_open_a_document_of_agency_x(world):
    response = client_of(world, "officer_y").get(f"/documents/{world.slip_a.pk}/pdf/")
    assert response.status_code == 404


def test_a_level_1_session_is_asked_to_step_up_before_the_filed_page(world):
    """ "Đã nộp hồ sơ" names the record's code, agency and appointment date, and its fee and e-receipt: the same
    data as the record's page, which asks a level-1 session to step up first."""
    url = f"/my/filings/{world.record_a.pk}/done/"
    level2 = client_of(world, "citizen_a").get(url)
    assert level2.status_code == 200 and world.record_a.code in level2.content.decode()
    response = client_of(world, "citizen_a_loa1").get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/my-account/step-up/?next=")
    assert world.record_a.code not in response.content.decode()


@pytest.mark.parametrize("actor", ["officer_y", "x_processor", "x_approver", "citizen_b", "citizen_a_loa1"])
def test_a_refused_refusal_leaves_the_record_as_it_was(world, actor):
    """Officer Y (every role, at another agency) and X's officers without the receiver's role cannot refuse A's
    record, whatever the page answers; nor can a citizen post to the back-office."""
    client_of(world, actor).post(f"/backoffice/records/{world.open_a.pk}/act/", REFUSE)
    assert Record.objects.get(pk=world.open_a.pk).state == RecordState.SUBMITTED


def test_the_receiver_of_x_does_refuse_it(world):
    """The same request from the right officer works: the refusals above are not a broken form."""
    client_of(world, "x_receiver").post(f"/backoffice/records/{world.open_a.pk}/act/", REFUSE)
    assert Record.objects.get(pk=world.open_a.pk).state == RecordState.REFUSED


@pytest.mark.parametrize("actor", ["citizen_b", "officer_y", "x_receiver"])
def test_nobody_but_a_withdraws_a_record_of_a(world, actor):
    response = client_of(world, actor).post(f"/my/records/{world.open_a.pk}/withdraw/", {"reason": "Không cần nữa"})
    assert response.status_code in (403, 404)
    assert Record.objects.get(pk=world.open_a.pk).state == RecordState.SUBMITTED


def test_officer_y_cannot_decide_an_exemption_on_a_record_of_x(world):
    response = client_of(world, "officer_y").post(
        f"/payments/records/{world.record_a.pk}/exemption/decision/", {"decision": "approve"}
    )
    assert response.status_code == 403


def test_a_level_1_session_is_asked_to_step_up_before_booking_for_a_level_2_record(world):
    """The booking page names the record's code and service: a door to a level-2 record's data like its page."""
    from appointments.constants import BookingState
    from appointments.models import Booking

    Booking.objects.filter(pk=world.booking_a.pk).update(state=BookingState.CANCELLED)  # A may book again
    url = f"/appointments/records/{world.open_a.pk}/book/"
    level2 = client_of(world, "citizen_a").get(url)
    assert level2.status_code == 200 and world.open_a.code in level2.content.decode()
    response = client_of(world, "citizen_a_loa1").get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/my-account/step-up/?next=")
    assert client_of(world, "citizen_b").get(url).status_code == 404
