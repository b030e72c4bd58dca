"""The one-stop desk's whole process in real Chromium (issue #16, what must show it works): a walk-in citizen's paper
filing of a procedure with no online service, received with a checklist and Mẫu 01, routed through the configured
steps with one send-back, approved with confirmation, the signed result verified at /verify/ and then revoked. The
step pages pass axe and the hand-over is made from the keyboard."""

import pytest

from documents.constants import DocumentKind
from documents.models import Document
from identity.constants import StaffRole
from procedures.models import ProcessStep
from records.constants import RecordState
from records.models import Record
from tests.a11y import assert_no_serious_axe_violations
from tests.records import files

from .conftest import make_officer
from .test_browser import new_page, officer_page
from .test_counter_any_procedure import paper_procedure, ward  # noqa: F401
from .test_queue_browser import shot
from .test_revocation import revocation_guard  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEPS = [
    ("receive", "Tiếp nhận, chuyển công chức tư pháp", "Bộ phận một cửa", 1),
    ("process", "Thẩm định hồ sơ, dự thảo kết quả", "Công chức tư pháp - hộ tịch", 15),
    ("consult", "Lấy ý kiến Phòng Tư pháp quận", "Phòng Tư pháp", 4),
    ("leader", "Trình lãnh đạo Ủy ban nhân dân", "Công chức tư pháp - hộ tịch", 3),
    ("return", "Trả kết quả", "Bộ phận một cửa", 1),
]
NOTE = "Hồ sơ đủ điều kiện, đề nghị Phòng Tư pháp cho ý kiến"
COMMENT = "Bổ sung ý kiến bằng văn bản của Phòng Tư pháp trước khi trình"
REVOKED_BECAUSE = "Ghi sai số giấy tờ được chứng thực"


def act(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def current_step(page) -> str:
    return page.locator('#process-steps li[aria-current="step"]').inner_text()


def test_a_walk_in_paper_filing_goes_through_its_steps_is_approved_verified_and_revoked(
    browser,
    live_server,
    family,
    ward,  # noqa: F811
    paper_procedure,  # noqa: F811
    revocation_guard,  # noqa: F811
    tmp_path,
):
    assert sum(hours for *_rest, hours in STEPS) == paper_procedure.processing_days * 8
    ProcessStep.objects.bulk_create(
        ProcessStep(version=paper_procedure, order=i, kind=kind, name=name, unit=unit, working_hours=hours)
        for i, (kind, name, unit, hours) in enumerate(STEPS, start=1)
    )
    desk = officer_page(browser, live_server, make_officer("quay", ward, StaffRole.RECEIVER))
    processor = officer_page(browser, live_server, make_officer("xuly", ward, StaffRole.PROCESSOR))
    leader = officer_page(browser, live_server, make_officer("lanhdao", ward, StaffRole.APPROVER))

    # The desk receives the paper filing: checklist, scans, Mẫu 01.
    person = family["father"]
    desk.goto(f"{live_server.url}/backoffice/agencies/{ward.code}/counter/")
    desk.locator("#id_procedure").select_option(paper_procedure.procedure.code)
    desk.get_by_label("Số định danh cá nhân của người nộp").fill(person.id_number)
    desk.keyboard.press("Enter")
    desk.wait_for_selector("#person")
    act(desk, "Bắt đầu hồ sơ cho người này")
    scan = tmp_path / "giay-to.pdf"
    scan.write_bytes(files.pdf("giay-to.pdf").read())
    for component in paper_procedure.components.filter(mandatory=True):
        desk.locator(f"#id_received_{component.pk}").check()
        desk.locator(f"#id_file_{component.pk}").set_input_files(str(scan))
    act(desk, "Tiếp nhận, in phiếu hẹn (Mẫu 01)")
    desk.wait_for_selector("#record-state")
    record = Record.objects.get()
    assert record.state == RecordState.RECEIVED and record.channel == "counter"
    assert record.process_step.name == STEPS[0][1]
    receipt = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.RECEIPT_APPOINTMENT)
    assert [paper["name"] for paper in receipt.context["documents_received"]] == [
        "Giấy tờ cần chứng thực",
        "Bản sao giấy tờ tùy thân",
    ]

    # The processor takes it from reception, hands it over to the consultation from the keyboard.
    url = f"{live_server.url}/backoffice/records/{record.pk}/"
    processor.goto(url)
    act(processor, "Bắt đầu xử lý")
    assert STEPS[1][1] in current_step(processor)
    assert_no_serious_axe_violations(processor, context="main")
    note = processor.locator("#id_reason_hand_over")
    note.focus()
    processor.keyboard.type(NOTE)
    processor.keyboard.press("Tab")  # to "Chuyển bước"
    assert processor.evaluate("document.activeElement.textContent.trim()") == "Chuyển bước"
    with processor.expect_navigation():
        processor.keyboard.press("Enter")
    assert STEPS[2][1] in current_step(processor)
    processor.set_viewport_size({"width": 360, "height": 900})
    shot(processor, "process-step-360")
    processor.set_viewport_size({"width": 1280, "height": 900})
    shot(processor, "process-step-1280")

    result = tmp_path / "ban-chung-thuc.pdf"
    result.write_bytes(files.pdf("ban-chung-thuc.pdf").read())
    processor.locator("#id_result_file").set_input_files(str(result))
    act(processor, "Lưu kết quả")
    act(processor, "Trình lãnh đạo")
    assert STEPS[3][1] in current_step(processor)

    # The leader sends it back once, with a comment the processor reads.
    leader.goto(url)
    assert_no_serious_axe_violations(leader, context="main")
    leader.locator("#id_reason_send_back").fill(COMMENT)
    act(leader, "Trả lại")
    assert STEPS[2][1] in current_step(leader)
    processor.goto(url)
    assert COMMENT in processor.locator("#history").inner_text()
    act(processor, "Trình lãnh đạo")

    # Approval asks for confirmation, then signs.
    leader.goto(url)
    act(leader, "Phê duyệt")
    assert "Xác nhận phê duyệt" in leader.locator("h1").inner_text()
    assert_no_serious_axe_violations(leader, context="main")
    leader.locator("#confirm-approve").focus()
    with leader.expect_navigation():
        leader.keyboard.press("Enter")
    record.refresh_from_db()
    assert record.state == RecordState.APPROVED
    assert STEPS[4][1] in current_step(leader)

    desk.goto(url)
    act(desk, "Trả kết quả")
    record.refresh_from_db()
    assert record.state == RecordState.RESULT_RETURNED and record.process_step is None
    control = desk.locator("#control-slip")
    control.locator("summary").click()
    slip = control.inner_text()
    for _kind, name, _unit, _hours in STEPS:
        assert name in slip
    assert NOTE in slip and COMMENT in slip

    # The signed result is authentic at /verify/, then revoked with a reason.
    signed = Document.objects.get(object_id=str(record.pk), kind=DocumentKind.RESULT_DOCUMENT)
    citizen = new_page(browser)
    citizen.goto(f"{live_server.url}{signed.get_absolute_url()}")
    assert citizen.locator('[data-state="authentic"]').count() == 1
    leader.goto(url)
    leader.locator("#id_reason_revoke_result").fill(REVOKED_BECAUSE)
    act(leader, "Thu hồi kết quả")
    citizen.reload()
    assert citizen.locator('[data-state="revoked"]').count() == 1
    assert REVOKED_BECAUSE in citizen.content()
    assert Document.objects.filter(object_id=str(record.pk), kind=DocumentKind.CONTROL_SLIP).exists()
