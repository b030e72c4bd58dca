"""The e-receipt page on the English site says what was paid for in English (it printed the Vietnamese text kept
for the official receipt, and the procedure's Vietnamese name)."""

import pytest
from django.utils import timezone

from payments.constants import PaymentState
from tests.records.conftest import payment_for

pytestmark = pytest.mark.django_db


def test_the_receipt_page_reads_in_english_on_the_english_site(client, citizen, record):
    payment = payment_for(record, citizen, amount=10000, state=PaymentState.PAID)
    payment.description = f"Phí, lệ phí hồ sơ {record.code}"
    payment.receipt_number = "BL0000001"
    payment.paid_at = timezone.now()
    payment.save()
    client.cookies["django_language"] = "en"
    page = client.get(f"/payments/receipts/{payment.reference}/").content.decode()
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert f"Fees and charges for record {record.code}" in main
    assert "Phí, lệ phí" not in main
    name_en = record.procedure_version.name_en
    if name_en:
        assert name_en in main

    client.cookies["django_language"] = "vi"
    assert f"Phí, lệ phí hồ sơ {record.code}" in client.get(f"/payments/receipts/{payment.reference}/").content.decode()
