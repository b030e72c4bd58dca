"""`manage.py reconcile_payments DATE` against the simulated gateway's daily statement (CSV)."""

import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from payments.constants import PaymentState
from payments.gateway_sim.models import MerchantTransaction, Status
from payments.models import Payment

from .conftest import MERCHANT, citizen_account, filed_record
from .gateway import pay

pytestmark = pytest.mark.django_db(transaction=True)


def reconcile(day, *args) -> str:
    out = io.StringIO()
    call_command("reconcile_payments", day.isoformat(), *args, stdout=out)
    return out.getvalue()


def test_reconciliation_finds_every_injected_mismatch(portal, client, citizen, family):
    today = timezone.localdate()
    first, _ = pay(client, filed_record(citizen, family["father"]))
    second, _ = pay(client, filed_record(citizen, family["father"]))
    assert reconcile(today).strip().endswith("2 statement lines, 0 mismatches")

    # The gateway's books say another amount for one payment...
    MerchantTransaction.objects.filter(reference=first.reference).update(amount=20_000)
    # ...a payment the gateway has, the portal never heard of...
    MerchantTransaction.objects.create(
        transaction_id="PG0000000000099",
        merchant_id=MERCHANT,
        reference="DVCGHOST0000001",
        amount=5_000,
        description="?",
        return_url=portal,
        callback_url=portal,
        status=Status.SUCCESS,
        completed_at=timezone.now(),
    )
    # ...and one the portal counts as paid that the gateway does not.
    mother = citizen_account(family["mother"])
    orphan_record = filed_record(mother, family["mother"])
    Payment.objects.create(
        reference="DVCORPHAN000001",
        idempotency_key=uuid.uuid4().hex,
        record=orphan_record,
        provider="paygov",
        amount=10_000,
        description="x",
        payer_name="x",
        created_by=mother,
        state=PaymentState.PAID,
        paid_at=timezone.now(),
    )
    output = reconcile(today)
    assert f"MISMATCH\tamount\t{first.reference}\tportal 10000 ≠ gateway 20000" in output
    assert "MISMATCH\tmissing_in_portal\tDVCGHOST0000001" in output
    assert "MISMATCH\tmissing_at_gateway\tDVCORPHAN000001" in output
    assert second.reference not in output
    assert output.strip().endswith("3 statement lines, 3 mismatches")
    with pytest.raises(CommandError, match="3 mismatches"):
        reconcile(today, "--fail-on-mismatch")


def test_a_statement_signed_with_another_secret_is_refused(portal, settings):
    settings.PAYGOV_SIM_MERCHANTS = {MERCHANT: "the-gateway-thinks-otherwise"}
    with pytest.raises(CommandError, match="Could not fetch"):
        reconcile(timezone.localdate())
