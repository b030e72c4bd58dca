"""The queue a desk needs (issue #16 item 6): search as people type, a date range, deadlines shown plainly, counts
on every tab, paging that never says "Trang 2/1", due-date order without closed records, bulk receive and assign
with one confirmation."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from procedures.text import fold
from records import deadlines, selectors
from records.constants import RecordState as S
from records.models import Record

from .conftest import advance, staff_login, submitted_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver_client(staff):
    return staff_login(Client(), staff["receiver"])


def _url(record):
    return f"/backoffice/agencies/{record.agency.code}/"


def _codes(html: str) -> set[str]:
    return set(re.findall(r'class="record-code">([^<]+)</a>', html))


def test_search_by_name_without_accents_in_any_case(receiver_client, record, family):
    name = family["father"].full_name
    assert fold(name) != name.lower()  # the demo name carries diacritics
    for typed in (fold(name), name, name.upper(), fold(name).split(" ")[-1]):
        page = receiver_client.get(_url(record), {"q": typed}).content.decode()
        assert record.code in _codes(page), typed
    assert _codes(receiver_client.get(_url(record), {"q": "khong co ai ten nay"}).content.decode()) == set()


def test_search_by_part_of_the_code_in_lower_case(receiver_client, record, citizen, family):
    other = submitted_record(citizen, family["mother"])
    part = record.code[-8:].lower()  # e.g. "08-0001" with the day, lower case
    assert part != record.code[-8:] or not any(c.isalpha() for c in part)
    page = receiver_client.get(_url(record), {"q": part}).content.decode()
    assert record.code in _codes(page) and other.code not in _codes(page)
    prefix = record.code.split("-")[0].lower()  # the agency part, shared by both
    assert {record.code, other.code} <= _codes(receiver_client.get(_url(record), {"q": prefix}).content.decode())


def test_search_by_id_number_and_by_phone(receiver_client, record, citizen, family):
    other = submitted_record(citizen, family["mother"])
    by_id = _codes(receiver_client.get(_url(record), {"q": family["father"].id_number}).content.decode())
    assert record.code in by_id and other.code not in by_id
    filed = Record.objects.get(pk=record.pk)
    filed.form_data = {**filed.form_data, "phone": "0912 345 678"}
    filed.save()
    for typed in ("0912345678", "0912 345 678", "345678"):
        found = _codes(receiver_client.get(_url(record), {"q": typed}).content.decode())
        assert record.code in found and other.code not in found, typed


def test_a_date_range_of_filing(receiver_client, record, citizen, family):
    older = submitted_record(citizen, family["mother"])
    Record.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=40))
    today = timezone.localdate()
    recent = receiver_client.get(_url(record), {"date_from": (today - datetime.timedelta(days=7)).isoformat()})
    assert _codes(recent.content.decode()) == {record.code}
    html = recent.content.decode()
    assert f'value="{(today - datetime.timedelta(days=7)).isoformat()}"' in html  # the field keeps what was typed
    old_only = receiver_client.get(
        _url(record), {"date_to": (today - datetime.timedelta(days=30)).isoformat(), "date_from": "2000-01-01"}
    )
    assert _codes(old_only.content.decode()) == {older.code}


def test_overdue_and_due_soon_show_colour_icon_and_words_and_are_counted_on_tabs(
    receiver_client, record, staff, citizen, family
):
    late = advance(record, staff, "in_processing")
    soon = advance(submitted_record(citizen, family["mother"]), staff, "received")
    today = timezone.localdate()
    last_week = deadlines.add_working_days(today - datetime.timedelta(days=14), 5)
    Record.objects.filter(pk=late.pk).update(due_date=last_week)
    Record.objects.filter(pk=soon.pk).update(due_date=deadlines.add_working_days(today, 1))
    html = receiver_client.get(_url(record)).content.decode()
    late_row = re.search(
        rf'<tr class="[^"]*due-overdue[^"]*">(?:(?!</tr>).)*{re.escape(late.code)}.*?</tr>', html, re.S
    )
    assert late_row, "the overdue row is marked for its colour"
    days_late = deadlines.working_days_between(last_week, today)
    assert "⚠" in late_row.group(0) and f"Quá hạn {days_late} ngày" in late_row.group(0)
    soon_row = re.search(rf'<tr class="[^"]*due-soon[^"]*">(?:(?!</tr>).)*{re.escape(soon.code)}.*?</tr>', html, re.S)
    assert soon_row and '<svg class="icon"' in soon_row.group(0) and "Còn 1 ngày" in soon_row.group(0)
    overdue_tab = re.search(r'data-due="overdue"[^>]*>.*?<span class="count">(\d+)</span>', html, re.S)
    soon_tab = re.search(r'data-due="soon"[^>]*>.*?<span class="count">(\d+)</span>', html, re.S)
    assert overdue_tab.group(1) == "1" and soon_tab.group(1) == "1"
    assert re.search(r'data-state="received"[^>]*>[^<]*<span class="count">1</span>', html)


def test_paging_never_goes_past_the_last_page(receiver_client, record):
    past = receiver_client.get(_url(record), {"page": 2})
    assert past.status_code == 302 and "page=" not in past["Location"]  # back to the only page
    html = receiver_client.get(past["Location"]).content.decode()
    assert "Trang 1/1" in html and "Trang 2" not in html
    filtered = receiver_client.get(_url(record), {"q": record.code, "page": 5}).content.decode()
    assert "Trang 5/" not in filtered and "Trang 5 không có hồ sơ nào." in filtered and "Về trang đầu" in filtered


def test_due_date_order_leaves_closed_records_out(receiver_client, record, staff, citizen, family):
    closed = advance(record, staff, "result_returned")
    Record.objects.filter(pk=closed.pk).update(due_date=timezone.localdate() - datetime.timedelta(days=300))
    running = advance(submitted_record(citizen, family["mother"]), staff, "in_processing")
    waiting = submitted_record(citizen, family["father"])  # not received: no due date yet, listed last
    html = receiver_client.get(_url(record), {"sort": "due"}).content.decode()
    codes = re.findall(r'class="record-code">([^<]+)</a>', html)
    assert codes == [running.code, waiting.code]
    assert closed.code in _codes(receiver_client.get(_url(record)).content.decode())  # still in the full list


def test_bulk_receive_asks_once_then_receives_every_ticked_record(receiver_client, record, citizen, family):
    second = submitted_record(citizen, family["mother"])
    untouched = submitted_record(citizen, family["father"])
    url = f"/backoffice/agencies/{record.agency.code}/bulk/"
    ticked = {"records": [str(record.pk), str(second.pk)], "bulk_action": "receive", "back": "state=submitted"}
    confirm = receiver_client.post(url, ticked)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Tiếp nhận 2 hồ sơ?" in page and record.code in page and second.code in page and untouched.code not in page
    assert Record.objects.filter(state=S.RECEIVED).count() == 0  # nothing done before the confirmation
    done = receiver_client.post(url, {**ticked, "confirm": "1"})
    assert done.status_code == 302 and done["Location"].endswith("?state=submitted")
    states = dict(Record.objects.values_list("pk", "state"))
    assert states[record.pk] == states[second.pk] == S.RECEIVED and states[untouched.pk] == S.SUBMITTED
    follow = receiver_client.get(done["Location"]).content.decode()
    assert "2 hồ sơ" in follow and record.code in follow
    # Received by a colleague meanwhile: said plainly, nothing received twice.
    again = receiver_client.post(url, {**ticked, "confirm": "1"})
    messages = receiver_client.get(again["Location"]).content.decode()
    assert f"Hồ sơ {record.code} chưa được xử lý" in messages


def test_bulk_assign_by_the_head(record, staff, citizen, family):
    head_client = staff_login(Client(), staff["head"])
    second = submitted_record(citizen, family["mother"])
    processor = staff["processor"]
    url = f"/backoffice/agencies/{record.agency.code}/bulk/"
    ticked = {"records": [str(record.pk), str(second.pk)], "bulk_action": "reassign", "assigned_to": processor.pk}
    confirm = head_client.post(url, ticked).content.decode()
    assert "Phân công cán bộ xử lý 2 hồ sơ?" in confirm and processor.first_name in confirm
    head_client.post(url, {**ticked, "confirm": "1"})
    assert set(Record.objects.values_list("assigned_to", flat=True)) == {processor.pk}
    # An id that is not one of the agency's records is not acted on: nothing chosen, nothing done.
    forged = head_client.post(url, {**ticked, "records": ["00000000-0000-0000-0000-000000000000", "x"]})
    assert forged.status_code == 302
    assert "Hãy đánh dấu ít nhất một hồ sơ" in head_client.get(forged["Location"]).content.decode()


def test_the_search_uses_the_folded_column_kept_on_save(record, family):
    filed = Record.objects.get(pk=record.pk)
    assert fold(family["father"].full_name) in filed.search_text
    assert filed.code.lower() in filed.search_text
    assert selectors.search_filter("0912345678") is not None
