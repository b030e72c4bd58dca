"""In real Chromium: a citizen signs their filing's declaration remotely with the SMS code and files it; the
officer opens the record and reads a valid signature, its signer and time."""

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from eservices.models import OnlineService
from identity.constants import StaffRole
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations
from tests.staff import officer, totp_session

from .conftest import citizen_account, filled_draft, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def with_session(page, url, client):
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])
    return page


def code_texted_to(outbox, phone) -> str:
    texts = [json.loads(line) for line in outbox.read_text(encoding="utf-8").splitlines() if line.strip()]
    return re.search(r"\b(\d{6})\b", [t for t in texts if t["to"] == phone][-1]["text"]).group(1)


def test_a_citizen_signs_with_the_sms_code_and_the_officer_sees_a_valid_signature(
    page, browser, portal, family, sms_outbox
):
    father = family["father"]
    user = citizen_account(father)
    draft = filled_draft(user, father)
    OnlineService.objects.filter(pk=draft.service_id).update(requires_signed_declaration=True)
    with_session(page, portal, login(Client(), user))

    page.goto(f"{portal}/my/filings/{draft.pk}/review/")
    box = page.locator("#citizen-signature")
    assert "Dịch vụ này yêu cầu tờ khai có chữ ký số." in box.inner_text()
    # Unsigned, the filing is refused with the way to sign.
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "yêu cầu tờ khai có chữ ký số" in page.locator(".error-summary").inner_text()

    page.get_by_role("link", name="Ký số tờ khai").click()
    page.get_by_role("button", name="Gửi mã OTP đến điện thoại").click()
    assert f"{father.phone[:3]}****{father.phone[-3:]}" in page.locator("p[role=status]").inner_text()
    shots = os.environ.get("SCREENSHOTS_DIR")
    if shots:
        page.screenshot(path=f"{shots}/remote-sign-360.png", full_page=True)
    assert_no_serious_axe_violations(page)
    # A wrong code first: said beside the field, and the right one still works.
    code = code_texted_to(sms_outbox, father.phone)
    page.get_by_label("Mã OTP (6 chữ số)").fill(str((int(code) + 1) % 1_000_000).zfill(6))
    page.get_by_role("button", name="Ký số", exact=True).click()
    assert "Mã OTP không đúng" in page.locator("#id_otp_error").inner_text()
    if shots:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{shots}/remote-sign-1280.png", full_page=True)
    page.get_by_label("Mã OTP (6 chữ số)").fill(code)
    page.get_by_role("button", name="Ký số", exact=True).click()
    page.wait_for_url(re.compile(r"/review/$"))
    assert "Tờ khai đã được ký số." in page.locator("#citizen-signature").inner_text()
    if shots:
        page.screenshot(path=f"{shots}/remote-sign-review-1280.png", full_page=True)
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url(re.compile(r"/done/$"))
    record = Record.objects.get(pk=draft.pk)
    assert record.code
    if shots:  # the signed declaration, to look at
        with record.citizen_signatures.get().file.open("rb") as signed:
            (Path(shots) / "remote-sign-declaration.pdf").write_bytes(signed.read())

    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    try:
        office = with_session(
            staff.new_page(),
            portal,
            totp_session(Client(), officer("tiepnhan.kyso", record.agency, StaffRole.RECEIVER)),
        )
        office.goto(f"{portal}/backoffice/records/{record.pk}/")
        signatures = office.locator("#citizen-signatures").inner_text()
        assert father.full_name in signatures
        assert "Chữ ký hợp lệ" in signatures
        assert father.id_number[-4:] in signatures and father.id_number not in signatures
        if shots:
            office.locator("#citizen-signatures").screenshot(path=f"{shots}/remote-sign-officer.png")
    finally:
        staff.close()
