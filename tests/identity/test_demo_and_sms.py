"""Demo registry data and the SMS channel."""

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from identity.constants import EDocumentKind, MaritalStatus, Relationship
from identity.models import EDocument, Person
from identity.validators import validate_id_number
from notifications.sms import FileSmsBackend, send_sms

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_the_registry_and_is_idempotent():
    call_command("seed_demo")
    people = Person.objects.count()
    documents = EDocument.objects.count()
    assert people >= 50
    for person in Person.objects.all():
        validate_id_number(person.id_number, birth_date=person.birth_date, sex=person.sex)
        assert person.vneid_account.check_password("Demo@2026")

    # Across provinces, in households with married couples (parents-to-be for birth registration).
    assert Person.objects.values("id_number").distinct().count() == people
    assert len({p.id_number[:3] for p in Person.objects.all()}) >= 3
    couples = Person.objects.filter(
        relationship_to_head=Relationship.HEAD, spouse__isnull=False, marital_status=MaritalStatus.MARRIED
    )
    assert couples.count() >= 10
    assert Person.objects.filter(father__isnull=False, mother__isnull=False).exists()
    an = Person.objects.get(full_name="Nguyễn Văn An")
    assert an.spouse.full_name == "Trần Thị Bình" and an.spouse.spouse == an

    # Driving licences expiring soon.
    soon = [d for d in EDocument.objects.filter(kind=EDocumentKind.DRIVING_LICENCE) if d.expires_soon]
    assert len(soon) >= 3
    assert all(d.expires_on > timezone.localdate() for d in soon)

    call_command("seed_demo")
    assert Person.objects.count() == people and EDocument.objects.count() == documents


def test_file_sms_backend_appends_json_lines(sms_outbox):
    send_sms("0912345678", "Mã OTP 123456")
    send_sms("0987654321", "Xin chào")
    lines = [json.loads(line) for line in sms_outbox.read_text(encoding="utf-8").splitlines()]
    assert [line["to"] for line in lines] == ["0912345678", "0987654321"]
    assert lines[0]["text"] == "Mã OTP 123456"
    assert FileSmsBackend(sms_outbox).messages()[1]["text"] == "Xin chào"
