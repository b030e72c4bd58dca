"""The agency head's statistics in the back-office (issue #18): only the head of that agency sees them; the figures
per officer; the overdue and due-soon lists; the records logbook (Mẫu 06) lists exactly the records received at the
agency in the period, and its CSV and Excel files read back."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from monitoring import counting, logbook
from monitoring.indicators import Scope, compute
from records import deadlines, services
from records.constants import Channel
from records.constants import WorkflowAction as A
from records.models import Record

from ..backoffice.conftest import advance, staff_login
from .conftest import another, backdate

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def statistics_url(agency, rest=""):
    return f"/backoffice/agencies/{agency.code}/statistics/{rest}"


@pytest.fixture
def book(record, staff, other_agency):
    """Records of every kind around a ten-day period; returns (the records in the agency's book, those not)."""
    returned = advance(another(record), staff, "result_returned")
    received = advance(another(record, channel=Channel.COUNTER), staff, "received")
    moved = advance(another(record), staff, "in_processing")
    services.act(
        moved, A.TRANSFER, actor=staff["processor"], reason="Thẩm quyền", data={"to_agency": other_agency.code}
    )
    old = advance(another(record), staff, "received")
    backdate(old, 40)
    refused = advance(another(record), staff, "refused")
    waiting = another(record)  # submitted, not received yet
    counting.count_pending()
    inside = [returned, received, Record.objects.get(pk=moved.pk)]
    return inside, [old, refused, waiting, record]


def period_query():
    start = today() - datetime.timedelta(days=10)
    return f"period=range&start={start.isoformat()}&end={today().isoformat()}"


def test_only_the_head_of_that_agency_sees_its_statistics(client, record, staff, other_agency):
    agency = record.agency
    for name in ("processor", "receiver", "approver"):
        staff_login(client, staff[name])
        for rest in ("", "logbook/", "logbook.csv", "logbook.xlsx"):
            assert client.get(statistics_url(agency, rest)).status_code == 403, (name, rest)
    # The outsider is head of another agency: not of this one.
    staff_login(client, staff["outsider"])
    assert client.get(statistics_url(agency)).status_code == 403
    assert client.get(statistics_url(agency, "logbook.csv")).status_code == 403
    assert client.get(statistics_url(other_agency)).status_code == 200
    staff_login(client, staff["head"])
    assert client.get(statistics_url(agency)).status_code == 200
    queue = client.get(f"/backoffice/agencies/{agency.code}/").content.decode()
    assert f'href="{statistics_url(agency)}"' in queue
    client.logout()
    assert client.get(statistics_url(agency)).status_code == 302  # to the login page


def test_the_head_sees_figures_per_officer_and_the_overdue_and_due_soon_lists(client, record, staff):
    agency = record.agency
    advance(another(record), staff, "result_returned")
    advance(another(record), staff, "result_returned")
    late = advance(another(record), staff, "in_processing")
    Record.objects.filter(pk=late.pk).update(due_date=today() - datetime.timedelta(days=5))
    soon = advance(another(record), staff, "in_processing")
    Record.objects.filter(pk=soon.pk).update(due_date=deadlines.add_working_days(today(), 1))
    relaxed = advance(another(record), staff, "in_processing")
    Record.objects.filter(pk=relaxed.pk).update(due_date=today() + datetime.timedelta(days=30))
    counting.count_pending()

    staff_login(client, staff["head"])
    page = client.get(statistics_url(agency)).content.decode()
    officers = page.split('id="officer-table"')[1].split("</table>")[0]
    # The processor ("Xuly") handled both returned records, on time.
    assert "Xuly" in officers and "(xuly)" in officers
    assert '<td data-label="Đã giải quyết">2</td><td data-label="Đúng hạn">2</td>' in officers
    assert "100,0%" in officers
    overdue = page.split('id="overdue-table"')[1].split("</table>")[0]
    due_soon = page.split('id="due-soon-table"')[1].split("</table>")[0]
    assert f">{late.code}<" in overdue and f">{soon.code}<" not in overdue and f">{relaxed.code}<" not in overdue
    assert f">{soon.code}<" in due_soon and f">{late.code}<" not in due_soon and f">{relaxed.code}<" not in due_soon
    indicators = page.split('id="indicator-table"')[1].split("</table>")[0]
    assert "<td>5 (" in indicators  # five received this month


def test_the_logbook_lists_exactly_the_records_received_at_the_agency_in_the_period(
    client, book, record, staff, other_agency
):
    inside, outside = book
    agency = record.agency
    staff_login(client, staff["head"])
    page = client.get(statistics_url(agency, f"logbook/?{period_query()}")).content.decode()
    table = page.split('id="logbook"')[1].split("</table>")[0]
    for item in inside:
        assert f">{item.code}<" in table
    for item in outside:
        assert f">{item.code}<" not in table
    assert "3 hồ sơ tiếp nhận" in page
    # Where the figures count them too: the book is as long as the agency's "received" figure.
    start = today() - datetime.timedelta(days=10)
    assert compute(Scope(agency_ids=(agency.pk,)), start, today()).received == 3
    # The record transferred away stays in this agency's book, with where it went; not in the other agency's book.
    moved = inside[2]
    assert other_agency.name in table
    assert list(logbook.received(other_agency, start, today())) == []
    assert {r.pk for r in logbook.received(agency, start, today())} == {r.pk for r in inside}
    staff_login(client, staff["outsider"])
    there = client.get(statistics_url(other_agency, f"logbook/?{period_query()}")).content.decode()
    assert f">{moved.code}<" not in there


def test_the_logbook_pages_through_the_records(client, record, staff, monkeypatch):
    from monitoring import backoffice_views

    monkeypatch.setattr(backoffice_views, "LOGBOOK_PAGE", 2)
    received = [advance(another(record), staff, "received") for _ in range(3)]
    staff_login(client, staff["head"])
    first = client.get(statistics_url(record.agency, f"logbook/?{period_query()}")).content.decode()
    second = client.get(statistics_url(record.agency, f"logbook/?{period_query()}&page=2")).content.decode()
    assert "Trang 1/2" in first and "Trang 2/2" in second
    codes = [r.code for r in sorted(received, key=lambda r: (r.received_at, r.code))]
    assert f">{codes[0]}<" in first and f">{codes[1]}<" in first and f">{codes[2]}<" not in first
    assert f">{codes[2]}<" in second and "<td>3</td>" in second  # numbered on from the first page


def test_the_logbook_exports_read_back(client, book, record, staff):
    inside, _outside = book
    returned = inside[0]
    staff_login(client, staff["head"])
    response = client.get(statistics_url(record.agency, f"logbook.csv?{period_query()}"))
    assert response["Content-Type"].startswith("text/csv")
    assert f"so-theo-doi-ho-so-{record.agency.code.lower()}" in response["Content-Disposition"].lower()
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:4] == ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)"]
    assert lines[0][-1] == "Ghi chú" and len(lines[0]) == 14
    assert [line[0] for line in lines[1:]] == ["1", "2", "3"]
    assert {line[1] for line in lines[1:]} == {r.code for r in inside}
    row = next(line for line in lines if line[1] == returned.code)
    day = today().strftime("%d/%m/%Y")
    assert row[3] == "1" and row[4] == returned.applicant_name
    assert row[7] == day and row[11] == day  # received and returned today
    assert row[8] == returned.due_date.strftime("%d/%m/%Y")

    response = client.get(statistics_url(record.agency, f"logbook.xlsx?{period_query()}"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=1, column=1).value == "SỔ THEO DÕI HỒ SƠ"
    header = logbook.TITLE_ROWS + 1
    assert sheet.cell(row=header, column=2).value == "Mã hồ sơ"
    codes = {sheet.cell(row=header + i, column=2).value for i in (1, 2, 3)}
    assert codes == {r.code for r in inside}
    assert sheet.cell(row=header + 4, column=2).value is None
    assert sheet.cell(row=header + 1, column=1).value == 1 and sheet.cell(row=header + 1, column=4).value == 1


def test_a_bad_period_is_said_and_this_month_shown(client, record, staff):
    staff_login(client, staff["head"])
    response = client.get(statistics_url(record.agency, "logbook/?period=range&start=2026-05-01&end=2026-01-01"))
    page = response.content.decode()
    assert response.status_code == 200 and "Ngày kết thúc phải sau ngày bắt đầu" in page
    first = today().replace(day=1).strftime("%d/%m/%Y")
    assert first in page


def test_the_pages_read_in_english_on_the_english_site(client, book, record, staff):
    staff_login(client, staff["head"])
    client.cookies["django_language"] = "en"
    page = client.get(statistics_url(record.agency)).content.decode()
    assert "Agency statistics" in page and "By handling officer" in page and "Records overdue" in page
    assert "Reporting period" in page and "Theo cán bộ xử lý" not in page
    page = client.get(statistics_url(record.agency, f"logbook/?{period_query()}")).content.decode()
    assert "Records logbook" in page and "3 records received at the agency" in page
    assert "Organisation or person" in page and "Tên tổ chức, cá nhân" not in page
    lines = client.get(statistics_url(record.agency, f"logbook.csv?{period_query()}")).content.decode("utf-8-sig")
    assert lines.startswith("No.,Record code,Administrative procedure")


def test_reading_the_logbook_is_in_each_citizens_data_access_log(client, book, record, staff):
    from dataaccess.constants import AccessKind
    from dataaccess.models import DataAccess

    inside, _outside = book
    staff_login(client, staff["head"])
    client.get(statistics_url(record.agency, f"logbook/?{period_query()}"))
    client.get(statistics_url(record.agency, f"logbook.csv?{period_query()}"))
    logged = DataAccess.objects.filter(kind=AccessKind.LOGBOOK, officer=staff["head"])
    assert logged.count() == 2 * len(inside)  # the page, then the export: each an access of its own
    assert set(logged.values_list("record_code", flat=True)) == {r.code for r in inside}
    assert set(logged.values_list("subject_id_number", flat=True)) == {r.applicant_id_number for r in inside}
    assert {entry.agency_id for entry in logged} == {record.agency_id}
