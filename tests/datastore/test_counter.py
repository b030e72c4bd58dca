"""Papers scanned at the counter are digitised into the applicant's data store when they agree at the desk."""

# ruff: noqa: F811 (the counter tests' fixtures, imported)

import pytest

from datastore import services as store
from datastore.constants import ItemSource
from datastore.models import StoreItem
from records.models import Record
from tests.backoffice.test_counter_any_procedure import desk, paper_procedure, ward  # noqa: F401
from tests.records import files

pytestmark = pytest.mark.django_db


def receive(desk, ward, person, version, capture, **extra):
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": version.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    first, second = version.components.order_by("order")[:2]
    with capture(execute=True):
        response = desk.post(
            f"/backoffice/counter/{draft.pk}/",
            {
                "outcome": "receive",
                f"received_{first.pk}": "1",
                f"form_{first.pk}": "original",
                f"copies_{first.pk}": "1",
                f"file_{first.pk}": files.pdf("giay-to-quet.pdf"),
                f"received_{second.pk}": "1",
                f"form_{second.pk}": "copy",
                f"copies_{second.pk}": "1",
                f"file_{second.pk}": files.pdf("cccd-quet.pdf"),
                **extra,
            },
        )
    assert response.status_code == 302
    return Record.objects.get(pk=draft.pk)


def test_scans_received_at_the_counter_with_consent_are_digitised_once_certified_by_the_officer(
    desk,
    ward,
    family,
    paper_procedure,
    django_capture_on_commit_callbacks,
):
    person = family["father"]
    record = receive(desk, ward, person, paper_procedure, django_capture_on_commit_callbacks, digitise_consent="on")
    assert store.consents(person.id_number)
    items = StoreItem.objects.filter(source=ItemSource.DIGITISED, record=record)
    assert {i.attachment for i in items} == set(record.attachments.all()) and items.count() == 2
    for item in items:
        assert item.owner_id_number == person.id_number
        assert item.sha256 == item.attachment.sha256
        assert item.certified_by.username == "quay" and item.certified_at
        assert item.valid_until is None  # these papers have no legal validity period
        assert store.signature_valid(item)


def test_without_the_applicants_consent_the_counter_keeps_the_scans_in_the_record_only(
    desk,
    ward,
    family,
    paper_procedure,
    django_capture_on_commit_callbacks,
):
    record = receive(desk, ward, family["father"], paper_procedure, django_capture_on_commit_callbacks)
    assert record.attachments.count() == 2 and not StoreItem.objects.exists()
