"""In real Chromium: the agency returns a driving-licence renewal, the new licence is in the citizen's store and
wallet ("Giấy tờ của tôi"), and the next filing that needs the licence offers it instead of an upload."""

import datetime
import os
import re

import pytest
from django.utils import timezone

from datastore.models import StoreItem
from identity.registry.models import EDocument
from records import services
from records.constants import WorkflowAction as A
from tests.backoffice.conftest import add_result
from tests.backoffice.test_browser import citizen_page, officer_page, open_record

from .conftest import LICENCE, renewal_draft, staff_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_returned_renewal_puts_the_new_licence_in_the_store_and_wallet_and_the_next_filing_offers_it(
    browser, live_server, citizen, family, tmp_path
):
    father, today = family["father"], timezone.localdate()
    renewed_until = today.replace(year=today.year + 10).strftime("%d/%m/%Y")
    old_until = (today + datetime.timedelta(days=20)).strftime("%d/%m/%Y")
    record = services.submit(renewal_draft(citizen, father), actor=citizen)
    staff = staff_of(record.agency)
    services.act(record, A.RECEIVE, actor=staff["receiver"])
    services.act(record, A.START_PROCESSING, actor=staff["processor"])
    add_result(record, staff["processor"])
    services.act(record, A.APPROVE, actor=staff["approver"])

    home = citizen_page(browser, live_server, citizen)
    home.goto(f"{live_server.url}/my-account/papers/")
    assert old_until in home.locator("#wallet").inner_text()  # the old licence, before the return

    # The agency returns the result at its desk.
    desk = officer_page(browser, live_server, staff["receiver"])
    open_record(desk, live_server, record)
    desk.get_by_role("button", name="Trả kết quả").click()
    assert desk.locator("#record-state").inner_text() == "Đã trả kết quả"

    # "Giấy tờ của tôi": the new licence, signed, in the store; the wallet's licence renewed.
    home.goto(f"{live_server.url}/my-account/papers/")
    store = home.locator("#store").inner_text()
    assert "Giấy phép lái xe" in store and LICENCE in store and renewed_until in store
    assert "Chữ ký hợp lệ" in store and record.code in store
    wallet = home.locator("#wallet").inner_text()
    assert renewed_until in wallet and old_until not in wallet
    [licence] = EDocument.objects.filter(person=father, kind="driving_licence")
    assert licence.issued_on == today
    shots = os.environ.get("SCREENSHOT_DIR") or tmp_path
    for width in (360, 1280):
        home.set_viewport_size({"width": width, "height": 900})
        home.screenshot(path=f"{shots}/giay-to-cua-toi-{width}.png", full_page=True)
        overflow = home.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways at {width} px"

    # A later filing that needs the licence: offered from the store, not asked as an upload.
    home.goto(f"{live_server.url}/services/cap-doi-giay-phep-lai-xe/")
    home.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    home.wait_for_url(re.compile(r"/eligibility/$"))
    home.get_by_label("Có").check()
    home.get_by_role("button", name="Tiếp tục").click()
    home.wait_for_url(re.compile(r"/form/$"))
    home.get_by_label("Hết hạn hoặc sắp hết hạn").check()
    home.get_by_label("Bản điện tử trên Cổng").check()
    home.get_by_role("button", name="Tiếp tục").click()
    home.wait_for_url(re.compile(r"/attachments/(#slot-[\w-]+)?$"))
    slot = home.locator("section.slot", has_text="Bản sao giấy phép lái xe")
    offer = slot.inner_text()
    assert "Có trong Kho dữ liệu cá nhân của bạn" in offer and LICENCE in offer and renewed_until in offer
    assert f"Kết quả hồ sơ {record.code}" in offer
    slot.get_by_role("button", name="Dùng giấy tờ này").click()
    home.wait_for_url(re.compile(r"/attachments/#slot-[\w-]+$"))
    slot = home.locator("section.slot", has_text="Bản sao giấy phép lái xe")
    assert "trong Kho dữ liệu cá nhân thay cho bản giấy" in slot.inner_text()
    assert slot.locator("input[type=file]").count() == 0  # no upload asked for
    item = StoreItem.objects.get(record=record)
    from records.models import Record

    draft = Record.objects.filter(applicant=citizen, state="draft").latest("created_at")
    assert any(
        used["source"] == "datastore" and used["document"]["id"] == str(item.pk)
        for used in draft.replaced_components.values()
    )
