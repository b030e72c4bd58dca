"""The e-receipt is one of the record's signed documents, and payments are part of its history (issue #15 item 8).

Paid through the simulated gateway over HTTP: the record page lists the e-receipt under "Văn bản điện tử có chữ
ký số" with a working download, and its "Lịch sử xử lý" shows the payment started and succeeded; the
back-office record page shows the same. A failed attempt and a refund are told there too.
"""

import re

import pytest
from django.test import Client

from documents.constants import DocumentKind
from documents.models import Document
from identity.constants import StaffRole
from payments.constants import PaymentState
from records.constants import WorkflowAction as A

from .conftest import officer, staff_login
from .gateway import pay
from .test_workflow import act


def section(page: str, heading: str) -> str:
    """The section of ``page`` under the heading ``heading``, up to the section's end."""
    start = page.index(heading)
    return page[start : page.index("</section>", start)]


@pytest.mark.django_db(transaction=True)
def test_the_e_receipt_is_listed_and_payments_are_in_the_history(portal, client, citizen, record):
    failed, _back = pay(client, record, outcome="failure")
    failed.refresh_from_db()
    assert failed.state == PaymentState.FAILED
    payment, _back = pay(client, record)
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID
    receipt = Document.objects.get(kind=DocumentKind.PAYMENT_RECEIPT)
    assert receipt.is_issued

    page = client.get(f"/my/records/{record.pk}/").content.decode()
    documents = section(page, "Văn bản điện tử có chữ ký số")
    assert "Biên lai thu phí, lệ phí điện tử" in documents
    assert f"/documents/{receipt.pk}/pdf/" in documents
    download = client.get(f"/documents/{receipt.pk}/pdf/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")

    history = section(page, "Lịch sử xử lý")
    assert history.count("Bắt đầu thanh toán trực tuyến") == 2
    assert "Thanh toán không thành công" in history
    assert "Thanh toán thành công" in history
    assert payment.receipt_number in history and "10.000" in history
    # In time order, among the record's own events: submitted first, then the payments.
    assert history.index("Thanh toán không thành công") < history.index("Thanh toán thành công")

    boss = officer(record)
    staff = staff_login(Client(), boss)
    office = staff.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert "Biên lai thu phí, lệ phí điện tử" in section(office, "Văn bản điện tử có chữ ký số")
    office_history = section(office, "Lịch sử xử lý")
    assert "Thanh toán phí, lệ phí" in office_history
    assert "Thanh toán thành công" in office_history and payment.receipt_number in office_history
    assert re.search(r"Đang chờ thanh toán\s*→\s*Thanh toán thành công", office_history)


@pytest.mark.django_db(transaction=True)
def test_a_refund_is_in_the_history_and_the_receipt_stays_listed(portal, client, citizen, record):
    payment, _back = pay(client, record)
    act(record, A.REFUSE, officer(record), StaffRole.RECEIVER, reason="Hồ sơ không thuộc thẩm quyền")
    payment.refresh_from_db()
    assert payment.state == PaymentState.REFUNDED
    page = client.get(f"/my/records/{record.pk}/").content.decode()
    history = section(page, "Lịch sử xử lý")
    assert "Đã hoàn tiền" in history
    assert history.index("Thanh toán thành công") < history.index("Đã hoàn tiền")
    assert "Biên lai thu phí, lệ phí điện tử" in section(page, "Văn bản điện tử có chữ ký số")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_in_chromium_the_receipt_and_the_payment_are_on_the_record_page(page, portal, citizen, record):
    """At 360 px: pay at the gateway, come back, download the e-receipt from the record's documents, read the
    payment in the history; no serious accessibility violation on the page."""
    import os

    from tests.a11y import assert_no_serious_axe_violations

    from .test_browser import logged_in_page, pay_at_gateway

    page = logged_in_page(page, portal, citizen)
    page.goto(f"{portal}/my/records/{record.pk}/")
    pay_at_gateway(page, "Thanh toán", "Xác nhận thanh toán")
    page.reload()  # the e-receipt is issued after the callback's transaction
    documents = page.locator("section.record-documents")
    link = documents.get_by_role("link", name="Biên lai thu phí, lệ phí điện tử")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.startswith("payment_receipt-")
    history = page.locator("ol.history").inner_text()
    assert "Bắt đầu thanh toán trực tuyến" in history and "Thanh toán thành công" in history
    assert_no_serious_axe_violations(page)
    if shots := os.environ.get("SCREENSHOTS_DIR"):  # to look at the page by hand
        page.screenshot(path=f"{shots}/record-paid-360.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{shots}/record-paid-1280.png", full_page=True)
