"""Transfers both ways in real Chromium (issue #16 item 5): the receiving agency sends a record back with a reason
from the keyboard, the sender reads where it went and then has it back, with no serious axe violation."""

import pytest

from records import services
from records.constants import RecordState
from records.constants import WorkflowAction as A
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations

from .conftest import advance
from .test_browser import officer_page
from .test_queue_browser import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [360, 1280])
def test_a_transferred_record_is_sent_back_and_the_sender_sees_it_throughout(
    browser,
    live_server,
    record,
    staff,
    other_agency,
    width,
):
    advance(record, staff, "in_processing")
    home = record.agency
    services.act(
        record, A.TRANSFER, actor=staff["processor"], reason="Sai thẩm quyền", data={"to_agency": other_agency.code}
    )

    sender = officer_page(browser, live_server, staff["processor"])
    sender.set_viewport_size({"width": width, "height": 900})
    sender.goto(f"{live_server.url}/backoffice/agencies/{home.code}/transferred/")
    shot(sender, f"transfer-list-{width}")
    sender.get_by_role("link", name=record.code).click()
    assert other_agency.display_name in sender.locator("#sent-to").inner_text()
    assert sender.locator("form.action").count() == 0
    shot(sender, f"transfer-sender-{width}")
    assert_no_serious_axe_violations(sender, context="main")

    receiver = officer_page(browser, live_server, staff["outsider"])
    receiver.set_viewport_size({"width": width, "height": 900})
    receiver.goto(f"{live_server.url}/backoffice/records/{record.pk}/")
    receiver.get_by_label("Lý do (Trả lại cơ quan chuyển đến)").focus()
    receiver.keyboard.type("Không thuộc thẩm quyền của Sở")
    receiver.keyboard.press("Tab")
    receiver.keyboard.press("Enter")  # the form's button, reached from the keyboard
    receiver.wait_for_selector("#sent-to")
    shot(receiver, f"transfer-sent-back-{width}")
    assert_no_serious_axe_violations(receiver, context="main")
    back = Record.objects.get(pk=record.pk)
    assert back.agency == home and back.state == RecordState.IN_PROCESSING

    sender.reload()
    assert sender.locator("#sent-to").count() == 0 and "Không thuộc thẩm quyền của Sở" in sender.content()
