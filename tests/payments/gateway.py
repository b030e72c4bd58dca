"""Driving the simulated gateway's checkout page over HTTP, as a payer's browser would."""

import re
import uuid

import requests

from payments.models import Payment


def press_pay(client, record) -> str:
    """Press "Thanh toán" on the record page; return where the portal sends the browser."""
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    match = re.search(r'name="idempotency_key" value="(\w+)"', page)
    key = match.group(1) if match else uuid.uuid4().hex
    response = client.post(f"/payments/records/{record.pk}/pay/", {"idempotency_key": key})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def checkout(pay_url: str, outcome: str = "success", method: str = "VCB") -> str:
    """Choose a bank and an outcome at the gateway; return the portal URL it sends the browser back to."""
    session = requests.Session()
    page = session.get(pay_url, timeout=30)
    assert page.status_code == 200, page.text[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        pay_url,
        data={"csrfmiddlewaretoken": token, "outcome": outcome, "method": method},
        headers={"Referer": pay_url},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:1000]
    return response.headers["Location"]


def pay(client, record, outcome="success") -> tuple[Payment, str]:
    pay_url = press_pay(client, record)
    back = checkout(pay_url, outcome)
    payment = Payment.objects.filter(record=record).order_by("-created_at").first()
    return payment, back
