"""Results and papers that live on: the returned result kept in the citizen's data store and written back to the
registry and wallet, papers digitised once with consent, and later filings offered the valid ones instead of uploads."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from datastore import services as store
from datastore.constants import ItemSource
from datastore.models import StoreItem
from eservices.prefill import registry_data
from identity.registry.models import EDocument, Person
from monitoring import counting
from monitoring.indicators import Scope, compute
from procedures.constants import PaperKind
from records import services
from records.constants import WorkflowAction as A
from records.filing import Filing
from records.models import Record
from tests.backoffice.conftest import advance, submitted_record
from tests.records.conftest import citizen_account
from tests.staff import login_with_totp

from .conftest import LICENCE, licence_component, renewal_draft, staff_of

pytestmark = pytest.mark.django_db


def ten_years_from(day):
    return day.replace(year=day.year + 10)


def test_a_returned_renewal_puts_the_new_licence_signed_in_the_store_and_replaces_the_old_one_in_the_wallet(
    returned_renewal, family
):
    father, today = family["father"], timezone.localdate()
    old_expiry = today + datetime.timedelta(days=20)
    item = StoreItem.objects.get(record=returned_renewal)
    assert (item.source, item.kind, item.number) == (ItemSource.RESULT, PaperKind.DRIVING_LICENCE, LICENCE)
    assert item.owner_id_number == father.id_number
    assert item.fields["class"] == "B" and item.fields["issued_on"] == today.isoformat()
    assert item.valid_until == ten_years_from(today) != old_expiry
    # Signed: the approver's signed result, whose signature verifies, and a seal over the data.
    assert item.document is not None and item.document.is_issued
    assert store.signature_valid(item)
    # The wallet holds one licence, the renewed one; the registry's cached copy says so at once.
    [licence] = EDocument.objects.filter(person=father, kind="driving_licence")
    assert (licence.number, licence.issued_on, licence.expires_on) == (LICENCE, today, ten_years_from(today))
    assert licence.issuer == returned_renewal.agency.name
    [claim] = registry_data(father.id_number)["edocuments"]
    assert claim["expires_on"] == ten_years_from(today).isoformat()


def test_a_result_is_stored_once_however_often_its_return_is_relayed(returned_renewal):
    first = StoreItem.objects.get(record=returned_renewal)
    again = store.store_result(Record.objects.get(pk=returned_renewal.pk))
    assert again.pk == first.pk and StoreItem.objects.filter(record=returned_renewal).count() == 1


def test_a_later_filing_that_needs_the_licence_is_offered_the_store_item_instead_of_an_upload(
    returned_renewal, citizen, family, client
):
    item = StoreItem.objects.get(record=returned_renewal)
    draft = renewal_draft(citizen, family["father"])
    services.use_wallet_document(draft, licence_component(draft), "driving_licence", None)
    slot = next(s for s in Filing.load(draft.pk, citizen).slots() if s.component.pk == licence_component(draft).pk)
    assert [c["id"] for c in slot.store_choices] == [str(item.pk)]
    assert slot.wallet_choices == []  # the same licence is offered once, from the store, where it is signed

    url = reverse("records:step", args=[draft.pk, "attachments"])
    page = client.get(url).content.decode()
    assert "Có trong Kho dữ liệu cá nhân của bạn" in page and str(item.pk) in page
    component = licence_component(draft)
    response = client.post(url, {"action": "store", "record": draft.pk, "component": component.pk, "item": item.pk})
    assert response.status_code == 302
    draft.refresh_from_db()
    used = draft.replaced_components[str(component.pk)]
    assert used["source"] == "datastore" and used["document"]["id"] == str(item.pk)
    assert "trong Kho dữ liệu cá nhân thay cho bản giấy" in client.get(url).content.decode()


def test_a_paper_past_its_validity_is_not_offered_nor_taken(citizen, family, client):
    father = family["father"]
    expired = StoreItem.objects.create(
        owner_id_number=father.id_number,
        source=ItemSource.RESULT,
        kind=PaperKind.DRIVING_LICENCE,
        title="Giấy phép lái xe",
        number="099999999999",
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    store._sealed(expired)
    EDocument.objects.filter(person=father).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    draft = renewal_draft(citizen, family["father"])
    component = licence_component(draft)
    services.use_wallet_document(draft, component, "driving_licence", None)
    slot = next(s for s in Filing.load(draft.pk, citizen).slots() if s.component.pk == component.pk)
    assert slot.store_choices == [] and slot.wallet_choices == []
    url = reverse("records:step", args=[draft.pk, "attachments"])
    response = client.post(url, {"action": "store", "record": draft.pk, "component": component.pk, "item": expired.pk})
    assert "Không tìm thấy giấy tờ còn hiệu lực này" in response.content.decode()
    draft.refresh_from_db()
    assert str(component.pk) not in draft.replaced_components


def test_another_citizens_item_is_not_taken(returned_renewal, family, other_citizen, client):
    """The mother cannot name the father's licence in her own filing."""
    from .conftest import login

    item = StoreItem.objects.get(record=returned_renewal)
    login(client, other_citizen)
    draft = renewal_draft(other_citizen, family["mother"])
    component = licence_component(draft)
    url = reverse("records:step", args=[draft.pk, "attachments"])
    client.post(url, {"action": "store", "record": draft.pk, "component": component.pk, "item": item.pk})
    draft.refresh_from_db()
    assert draft.replaced_components.get(str(component.pk), {}).get("source") != "datastore"


def birth_record(user, father, mother):
    from eservices.models import OnlineService

    service = OnlineService.objects.get(slug="dang-ky-khai-sinh")
    record = services.start_draft(
        service=service, applicant=user, applicant_id_number=father.id_number, applicant_name=father.full_name
    )
    Record.objects.filter(pk=record.pk).update(
        form_data={
            "child_full_name": "Lê Minh Khang",
            "child_birth_date": "2026-11-10",
            "child_sex": "male",
            "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
            "other_parent_id_number": mother.id_number,
        },
        code="TEST-KS-0001",
    )
    return Record.objects.select_related("procedure_version__procedure", "agency__unit").get(pk=record.pk)


def test_a_birth_certificate_registers_the_newborn_with_an_id_number_in_both_parents_household(citizen, family):
    father, mother = family["father"], family["mother"]
    item = store.store_result(birth_record(citizen, father, mother))
    child = Person.objects.get(id_number=item.fields["child_id_number"])
    assert (child.full_name, child.birth_date, child.sex) == ("Lê Minh Khang", datetime.date(2026, 11, 10), "male")
    assert (child.father, child.mother) == (father, mother)
    assert child.household == father.household == mother.household
    assert child.id_number[:6] == "001226"  # registered in Hà Nội; a boy of the 21st century (2), born in 2026
    assert set(Person.objects.filter(household=father.household).values_list("pk", flat=True)) == {
        father.pk,
        mother.pk,
        child.pk,
    }
    # The registry reads the child at once, with both parents.
    claims = registry_data(child.id_number)
    assert claims["household"]["father"]["id_number"] == father.id_number
    assert claims["household"]["mother"]["id_number"] == mother.id_number
    assert item.kind == PaperKind.BIRTH_CERTIFICATE and item.owner_id_number == father.id_number


def test_a_residence_confirmation_replaces_the_permanent_residence(citizen, family):
    father = family["father"]
    registry_data(father.id_number)  # a cached copy, which the change must drop
    record = submitted_record(citizen, father, "dang-ky-thuong-tru")
    form = {**record.form_data, "new_permanent_address": "Số 12 ngõ 5 phố Đội Cấn"}
    Record.objects.filter(pk=record.pk).update(form_data=form)
    item = store.store_result(Record.objects.select_related("agency__unit").get(pk=record.pk))
    father.refresh_from_db()
    assert father.permanent_address == "Số 12 ngõ 5 phố Đội Cấn"
    assert father.permanent_unit == record.agency.unit
    assert registry_data(father.id_number)["permanent_address"]["address"] == "Số 12 ngõ 5 phố Đội Cấn"
    assert item.kind == PaperKind.RESIDENCE_CONFIRMATION
    assert "Số 12 ngõ 5 phố Đội Cấn" in item.fields["permanent_address"]


def test_papers_received_are_digitised_once_with_hash_certifier_time_and_validity_when_the_citizen_consents(
    renewal, family, django_capture_on_commit_callbacks
):
    father = family["father"]
    health = renewal.attachments.get()
    type(health.component).objects.filter(pk=health.component_id).update(validity_months=12)
    store.set_consent(father.id_number, True)
    staff = staff_of(renewal.agency)
    with django_capture_on_commit_callbacks(execute=True):
        advance(renewal, staff, "received")
    item = StoreItem.objects.get(source=ItemSource.DIGITISED)
    assert item.owner_id_number == father.id_number and item.attachment == health
    assert item.sha256 == health.sha256 and len(item.sha256) == 64
    assert item.certified_by == staff["receiver"] and item.certified_at is not None
    assert item.certified_by_name == "Tiepnhan"
    assert item.title == health.component.name
    received_on = timezone.localdate(item.certified_at)
    assert (item.valid_until - received_on).days in range(363, 368)
    with item.file.open("rb") as copy, health.file.open("rb") as original:
        assert copy.read() == original.read()
    assert store.signature_valid(item)
    # Once: digitising again keeps no second copy.
    assert store.digitise_record(renewal, certifier=staff["receiver"]) == []


def test_a_paper_handed_in_later_is_digitised_by_the_next_officer_who_acts(
    renewal, citizen, family, django_capture_on_commit_callbacks
):
    from tests.backoffice.conftest import add_result
    from tests.records import files

    store.set_consent(family["father"].id_number, True)
    staff = staff_of(renewal.agency)
    with django_capture_on_commit_callbacks(execute=True):
        advance(renewal, staff, "supplement_requested")
    health = renewal.attachments.get().component
    added = services.attach(
        renewal, health, files.pdf("giay-kham-bo-sung.pdf", size=4000, fill=b"7"), by=citizen, from_citizen=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.supplement(renewal, actor=citizen)
    # The citizen's own act certifies nothing.
    assert not StoreItem.objects.filter(attachment=added).exists()
    add_result(renewal, staff["processor"])
    with django_capture_on_commit_callbacks(execute=True):
        services.act(Record.objects.get(pk=renewal.pk), A.APPROVE, actor=staff["approver"])
    item = StoreItem.objects.get(attachment=added)
    assert item.certified_by == staff["approver"] and item.sha256 == added.sha256
    assert StoreItem.objects.filter(source=ItemSource.DIGITISED, record=renewal).count() == 2  # each paper once


def test_without_consent_nothing_is_digitised(renewal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        advance(renewal, staff_of(renewal.agency), "received")
    assert not StoreItem.objects.exists()


def test_a_paper_taken_from_the_store_counts_as_reused_in_the_indicators(returned_renewal, citizen, family):
    item = StoreItem.objects.get(record=returned_renewal)
    staff = returned_renewal.staff
    # Two renewals that reuse nothing else (no prefilled field, no wallet document); one takes its licence from
    # the store.
    plain, reused = (services.submit(renewal_draft(citizen, family["father"]), actor=citizen) for _n in range(2))
    component = licence_component(reused)
    Record.objects.filter(pk__in=[plain.pk, reused.pk]).update(prefilled_fields=[], replaced_components={})
    Record.objects.filter(pk=reused.pk).update(
        replaced_components={str(component.pk): {"source": "datastore", "document": store.as_choice(item)}}
    )
    today, scope = timezone.localdate(), Scope(agency_ids=(plain.agency_id,))
    counting.count_pending()
    before = compute(scope, today, today)  # the returned renewal, received today
    for record in (plain, reused):
        services.act(Record.objects.get(pk=record.pk), A.RECEIVE, actor=staff["receiver"])
    counting.count_pending()
    after = compute(scope, today, today)
    assert after.received - before.received == 2 and after.reused_data - before.reused_data == 1


def test_the_officer_sees_where_a_reused_paper_came_from_and_that_its_signature_verifies(
    returned_renewal, citizen, family, client
):
    item = StoreItem.objects.get(record=returned_renewal)
    draft = renewal_draft(citizen, family["father"])
    services.use_wallet_document(draft, licence_component(draft), "datastore", store.as_choice(item))
    later = services.submit(draft, actor=citizen)
    officer = returned_renewal.staff["receiver"]
    login_with_totp(client, officer)
    page = client.get(f"/backoffice/records/{later.pk}/").content.decode()
    assert "Tái sử dụng từ Kho dữ liệu cá nhân — chữ ký hợp lệ" in page
    assert returned_renewal.code in page  # where it came from: the result of that record
    # Data changed behind the portal's back no longer verifies.
    StoreItem.objects.filter(pk=item.pk).update(fields={**item.fields, "class": "C"})
    page = client.get(f"/backoffice/records/{later.pk}/").content.decode()
    assert "Tái sử dụng từ Kho dữ liệu cá nhân — chữ ký không hợp lệ" in page


def test_my_papers_lists_the_store_and_the_wallet_for_their_owner_only(returned_renewal, family, client, citizen):
    item = StoreItem.objects.get(record=returned_renewal)
    page = client.get("/my-account/papers/").content.decode()
    assert "Giấy tờ của tôi" in page and f"item-{item.pk}" in page
    assert "Chữ ký hợp lệ" in page and "Còn hiệu lực" in page
    assert ten_years_from(timezone.localdate()).strftime("%d/%m/%Y") in page  # the wallet's renewed licence
    from .conftest import login

    login(client, citizen_account(family["mother"]))
    assert f"item-{item.pk}" not in client.get("/my-account/papers/").content.decode()


def test_consent_is_set_on_the_page_and_a_digitised_copy_is_served_to_its_owner_only(
    renewal, family, client, citizen, django_capture_on_commit_callbacks
):
    response = client.post("/my-account/papers/", {"digitise": "on"})
    assert response.status_code == 302 and store.consents(family["father"].id_number)
    with django_capture_on_commit_callbacks(execute=True):
        advance(renewal, staff_of(renewal.agency), "received")
    item = StoreItem.objects.get(source=ItemSource.DIGITISED)
    assert client.get(f"/my-account/papers/{item.pk}/copy/").status_code == 200
    from .conftest import login

    login(client, citizen_account(family["mother"]))
    assert client.get(f"/my-account/papers/{item.pk}/copy/").status_code == 404


def test_the_filing_api_names_a_store_item_instead_of_a_copy_and_refuses_an_expired_wallet_licence(
    returned_renewal, client
):
    import json

    from tests.records import files

    item = StoreItem.objects.get(record=returned_renewal)
    service = client.get("/api/v1/services/cap-doi-giay-phep-lai-xe/").json()
    licence = next(c for c in service["components"] if c["provided_by"] == "driving_licence")
    health = next(c for c in service["components"] if c["provided_by"] is None and c["mandatory"])

    def file(wallet):
        return client.post(
            "/api/v1/records/",
            {
                "service": service["slug"],
                "data": json.dumps({"reason": "expired", "delivery": "online"}),
                "eligibility": json.dumps({"has_licence": True}),
                "wallet": json.dumps(wallet),
                health["field"]: files.pdf("suc-khoe.pdf"),
            },
            HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),  # each call a new filing
        )

    filed = file({str(licence["id"]): str(item.pk)})
    assert filed.status_code == 201, filed.content
    used = Record.objects.get(pk=filed.json()["id"]).replaced_components[str(licence["id"])]
    assert used["source"] == "datastore" and used["document"]["id"] == str(item.pk)

    for document in EDocument.objects.filter(kind="driving_licence"):  # saved: the registry's cached copy is dropped
        document.expires_on = timezone.localdate() - datetime.timedelta(1)
        document.save()
    StoreItem.objects.filter(pk=item.pk).update(valid_until=timezone.localdate() - datetime.timedelta(1))
    for named in (LICENCE, str(item.pk)):
        refused = file({str(licence["id"]): named})
        assert refused.status_code == 400 and refused.json()["wallet"], refused.content


def test_a_digitised_paper_is_offered_again_while_its_validity_period_lasts(citizen, family):
    """The driver's health certificate digitised at an earlier filing (valid 12 months) stands in for the new one."""
    from procedures.models import DocumentComponent

    father = family["father"]
    health_papers = DocumentComponent.objects.filter(name__startswith="Giấy khám sức khỏe của người lái xe")
    health_papers.update(paper_type=PaperKind.DRIVER_HEALTH_CERTIFICATE, validity_months=12)
    copy = store._sealed(
        StoreItem(
            owner_id_number=father.id_number,
            source=ItemSource.DIGITISED,
            kind=PaperKind.DRIVER_HEALTH_CERTIFICATE,
            title="Giấy khám sức khỏe của người lái xe",
            valid_until=timezone.localdate() + datetime.timedelta(days=30),
            sha256="0" * 64,
        )
    )
    draft = renewal_draft(citizen, father)
    health = health_papers.get(version=draft.procedure_version)
    [slot] = [s for s in Filing.load(draft.pk, citizen).slots() if s.component.pk == health.pk]
    assert [c["id"] for c in slot.store_choices] == [str(copy.pk)]
    assert "Bản số hóa do" in slot.store_choices[0]["origin"]

    StoreItem.objects.filter(pk=copy.pk).update(valid_until=timezone.localdate() - datetime.timedelta(days=1))
    [slot] = [s for s in Filing.load(draft.pk, citizen).slots() if s.component.pk == health.pk]
    assert slot.store_choices == []
