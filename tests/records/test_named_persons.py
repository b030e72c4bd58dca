"""The other parent is told: a person a filing names whose knowledge the procedure implies (the child's other parent,
the spouse to be) is notified when it is filed and may read that record, read-only, in "Hồ sơ của tôi"; nothing
else of the applicant's, and no action on it."""

import datetime

import pytest
from django.utils import timezone

from notifications.constants import Event
from notifications.models import Message
from records.constants import ParticipantRole, RecordState
from records.models import Record, RecordParticipant
from tests.identity.factories import citizen_account

from . import files
from .conftest import filled_draft, login
from .test_registry_checks import birth_form, post_birth_form, start_bundle

pytestmark = pytest.mark.django_db


def file_birth_bundle(client, family, capture, *, submit=True):
    """The father files the birth bundle naming the mother as the other parent; the notices leave at commit.
    ``submit=False``: up to the review page, not submitted."""
    base = start_bundle(client)
    assert post_birth_form(client, base, birth_form(family)).status_code == 302
    records = list(Record.objects.filter(group__isnull=False).order_by("created_at"))
    certificate = next(c for c in records[0].procedure_version.components.all() if c.name.startswith("Giấy chứng sinh"))
    client.post(
        base + "attachments/",
        {"action": "upload", "record": records[0].pk, "component": certificate.pk, "file": files.pdf("chung-sinh.pdf")},
    )
    assert client.post(base + "attachments/", {"action": "continue"}).status_code == 302
    if not submit:
        return records
    with capture(execute=True):
        assert client.post(base + "review/").status_code == 302
    return list(Record.objects.filter(group__isnull=False).order_by("created_at"))


@pytest.fixture
def mother(other_citizen):
    return other_citizen


def test_the_mother_is_told_of_the_birth_registration_and_reads_it(
    client, citizen, mother, family, django_capture_on_commit_callbacks
):
    records = file_birth_bundle(client, family, django_capture_on_commit_callbacks)
    assert {r.state for r in records} == {RecordState.SUBMITTED}
    rows = RecordParticipant.objects.filter(record__in=records)
    assert {(r.role, r.id_number, r.user_id) for r in rows} == {
        (ParticipantRole.OTHER_PARENT, family["mother"].id_number, mother.pk)
    }
    assert rows.count() == 3  # one per record of the integrated filing

    # Her inbox: told who filed what, as whom, with a link to read it.
    notices = Message.objects.filter(recipient=mother, event=Event.NAMED_IN_RECORD)
    assert notices.count() == 3
    first = notices.get(object_id=str(records[0].pk))
    assert first.subject == f"Bạn được nêu tên trong hồ sơ {records[0].code}"
    assert "Lê Văn Bố" in first.body and "Cha/mẹ còn lại của trẻ" in first.body
    assert first.url == f"/my/records/named/{records[0].pk}/"
    # The applicant's own notice is not hers, nor hers his.
    assert not Message.objects.filter(recipient=mother, event=Event.RECORD_SUBMITTED).exists()
    assert not Message.objects.filter(recipient=citizen, event=Event.NAMED_IN_RECORD).exists()

    login(client, mother)
    inbox = client.get("/notifications/").content.decode()
    assert f"Bạn được nêu tên trong hồ sơ {records[0].code}" in inbox
    listing = client.get("/my/records/").content.decode()
    assert "Hồ sơ có tên bạn" in listing
    assert all(f"/my/records/named/{r.pk}/" in listing for r in records)

    page = client.get(f"/my/records/named/{records[0].pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert records[0].code in html and "Lê Minh Con" in html and "Bạn chỉ xem được hồ sơ" in html
    # Read-only: no file, payment, withdrawal or supplement; not the applicant's phone or e-mail.
    for absent in ("/attachments/", "/withdraw/", "/supplement/", "/payments/", "Thanh toán", family["father"].phone):
        assert absent not in html
    assert family["father"].email not in html


def test_the_other_parent_cannot_act_on_the_record_or_see_the_applicants_other_records(
    client, citizen, mother, family, django_capture_on_commit_callbacks
):
    records = file_birth_bundle(client, family, django_capture_on_commit_callbacks)
    birth = records[0]
    attachment = birth.attachments.first()
    with django_capture_on_commit_callbacks(execute=True):
        other = filled_draft(citizen, family["father"])  # his own residence registration, naming nobody
        from records import services

        other = services.submit(other, actor=citizen)

    login(client, mother)
    # The applicant's doors to the record, and his other record: nothing there for her.
    for url in (
        f"/my/records/{birth.pk}/",
        f"/my/records/{birth.pk}/withdraw/",
        f"/my/records/{birth.pk}/result/",
        f"/records/{birth.pk}/attachments/{attachment.pk}/",
        f"/my/records/named/{other.pk}/",
        f"/my/records/{other.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (f"/my/records/{birth.pk}/withdraw/", f"/my/records/{birth.pk}/supplement/"):
        assert client.post(url, {"reason": "không"}).status_code == 404, url
    residence = records[1]  # the one with a fee
    assert client.post(f"/payments/records/{residence.pk}/pay/", {"idempotency_key": "k1"}).status_code in (403, 404)
    assert client.post(f"/payments/records/{residence.pk}/exemption/", {"group": "poor_household"}).status_code in (
        403,
        404,
    )
    assert {r.state for r in Record.objects.filter(group=birth.group)} == {RecordState.SUBMITTED}
    assert not residence.payments.exists()
    exemption = Record.objects.get(pk=residence.pk).fee_exemption  # the registry's, for the newborn: not hers
    assert (exemption.group, exemption.declared_by_id) == ("child", citizen.pk)
    listing = client.get("/my/records/").content.decode()
    assert other.code not in listing


def test_a_stranger_reads_nothing_and_a_parent_without_an_account_finds_it_at_first_login(
    client, citizen, family, django_capture_on_commit_callbacks
):
    """The mother had no portal account when the father filed: her first VNeID login shows her the record."""
    records = file_birth_bundle(client, family, django_capture_on_commit_callbacks)
    assert set(RecordParticipant.objects.filter(record__in=records).values_list("user", flat=True)) == {None}
    assert not Message.objects.filter(event=Event.NAMED_IN_RECORD).exists()

    from tests.identity.factories import PersonFactory

    stranger = citizen_account(PersonFactory(serial=88, full_name="Võ Thị Lạ", birth_date=datetime.date(1990, 1, 1)))
    login(client, stranger)
    assert client.get(f"/my/records/named/{records[0].pk}/").status_code == 404

    mother = citizen_account(family["mother"])
    login(client, mother)
    assert client.get(f"/my/records/named/{records[0].pk}/").status_code == 200


def test_a_level_1_session_steps_up_before_reading_a_level_2_record(
    client, citizen, mother, family, django_capture_on_commit_callbacks
):
    records = file_birth_bundle(client, family, django_capture_on_commit_callbacks)
    login(client, mother, acr="LoA1")
    response = client.get(f"/my/records/named/{records[0].pk}/")
    assert response.status_code == 302 and "step-up" in response["Location"].replace("_", "-")


def test_the_spouse_to_be_is_told_of_a_marriage_registration(
    client, citizen, mother, family, django_capture_on_commit_callbacks
):
    from .test_filing import filing_url, start

    base = filing_url(start(client, "dang-ky-ket-hon"))
    partner = {
        "partner_name": family["mother"].full_name,
        "partner_id_number": family["mother"].id_number,
        "partner_birth_date": family["mother"].birth_date.isoformat(),
        "partner_residence": "Số 11 phố Đội Cấn",
        "first_marriage": "on",
        "continue": "",
    }
    assert client.post(base + "form/", partner).status_code == 302
    record = Record.objects.get(applicant=citizen)
    for component in record.procedure_version.components.filter(mandatory=True):
        client.post(
            base + "attachments/",
            {
                "action": "upload",
                "record": record.pk,
                "component": component.pk,
                "file": files.pdf(f"{component.pk}.pdf"),
            },
        )
    client.post(base + "attachments/", {"action": "continue"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(base + "review/").status_code == 302
    record.refresh_from_db()
    assert record.state == RecordState.SUBMITTED and record.submitted_at <= timezone.now()
    assert record.participants.get().role == ParticipantRole.SPOUSE
    assert Message.objects.filter(recipient=mother, event=Event.NAMED_IN_RECORD, object_id=str(record.pk)).exists()
