"""The counter in real Chromium (issue #16 item 1): a walk-in citizen's paper filing of a procedure with no online
service, looked up (masked), started, ticked and scanned, received with Mẫu 01, from the keyboard where it counts,
with no serious axe violation, at 360 and 1280 px."""

import pytest

from identity.constants import StaffRole
from records.constants import RecordState
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations
from tests.records import files

from .conftest import make_officer
from .test_browser import officer_page
from .test_counter_any_procedure import paper_procedure, ward  # noqa: F401
from .test_queue_browser import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [360, 1280])
def test_a_walk_in_paper_filing_is_looked_up_ticked_and_received(
    browser,
    live_server,
    family,
    ward,  # noqa: F811
    paper_procedure,  # noqa: F811
    tmp_path,
    width,
):
    person = family["father"]
    person.phone = "0912345678"
    person.save()
    desk = make_officer("quay", ward, StaffRole.RECEIVER)
    page = officer_page(browser, live_server, desk)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/backoffice/agencies/{ward.code}/counter/")
    page.locator("#id_procedure").select_option(paper_procedure.procedure.code)
    page.get_by_label("Số định danh cá nhân của người nộp").fill(person.id_number)
    page.keyboard.press("Enter")
    page.wait_for_selector("#person")
    person_card = page.locator("#person").inner_text()
    assert person.full_name in person_card and "091****678" in person_card and "0912345678" not in person_card
    assert not Record.objects.exists()
    shot(page, f"counter-lookup-{width}")
    assert_no_serious_axe_violations(page, context="main")

    page.get_by_role("button", name="Bắt đầu hồ sơ cho người này").click()
    page.wait_for_selector("#papers")
    scan = tmp_path / "giay-to.pdf"
    scan.write_bytes(files.pdf("giay-to.pdf").read())
    first, second, _third = paper_procedure.components.order_by("order")
    for component in (first, second):
        page.locator(f"#id_received_{component.pk}").check()
        page.locator(f"#id_file_{component.pk}").set_input_files(str(scan))
    shot(page, f"counter-checklist-{width}")
    assert_no_serious_axe_violations(page, context="main")
    page.get_by_role("button", name="Tiếp nhận, in phiếu hẹn (Mẫu 01)").click()
    page.wait_for_load_state()
    shot(page, f"counter-after-{width}")
    page.wait_for_selector("#record-state")
    record = Record.objects.get()
    assert record.state == RecordState.RECEIVED and record.code in page.content()
    shot(page, f"counter-received-{width}")
