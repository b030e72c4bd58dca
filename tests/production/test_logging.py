"""Issue #21: structured JSON logs with the request id, user id, agency and duration, and never a form's data,
a token, a password or a whole ID number."""

import io
import json
import logging

import pytest
from django.test import Client

from portal.jsonlog import ContextFilter, JsonFormatter, mask
from tests.records.conftest import filled_draft
from tests.staff import totp_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the portal writes on its console handler in production, kept for the test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


def test_a_filing_request_logs_one_json_line_with_its_context_and_no_id_number(client, citizen, family, log_lines):
    person = family["father"]
    draft = filled_draft(citizen, person)
    password = "mat-khau-bi-mat-2026"
    response = client.post(
        f"/my/filings/{draft.pk}/form/",
        {
            "full_name": person.full_name,
            "id_number": person.id_number,
            "birth_date": person.birth_date.isoformat(),
            "request": f"Đăng ký thường trú, gọi {person.phone or '0912345678'}, mật khẩu {password}",
            "delivery": "online",
            "continue": "",
        },
        HTTP_X_REQUEST_ID="proxy-id-12345678",
    )
    assert response.status_code in (200, 302, 400)
    lines = log_lines()
    request_lines = [line for line in lines if line["logger"] == "portal.request"]
    assert len(request_lines) == 1
    line = request_lines[0]
    assert line["request_id"] == "proxy-id-12345678"
    assert line["user_id"] == citizen.pk
    assert line["method"] == "POST" and line["path"] == f"/my/filings/{draft.pk}/form/"
    assert line["status"] == response.status_code
    assert isinstance(line["duration_ms"], float)
    assert {"time", "level", "agency"} <= set(line)
    # Whatever else was logged during the request carries the same id; none of it holds the form's data.
    everything = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    assert person.id_number not in everything
    assert password not in everything and "Đăng ký thường trú" not in everything


def test_a_back_office_request_names_the_officers_agency(record, staff, log_lines):
    officer = totp_session(Client(), staff["head"])
    officer.get(f"/backoffice/agencies/{record.agency.code}/")
    line = next(line for line in log_lines() if line["logger"] == "portal.request")
    assert line["agency"] == record.agency.code
    assert line["user_id"] == staff["head"].pk


def test_id_numbers_and_phones_are_masked_in_any_message_logged_in_a_request(client, log_lines):
    logging.getLogger("records.services").warning("Người nộp %s, điện thoại %s", "001088012345", "0912345678")
    line = next(line for line in log_lines() if line["logger"] == "records.services")
    assert line["message"] == "Người nộp 0010******45, điện thoại 091*****78"


def test_masking_leaves_record_codes_amounts_and_dates_alone():
    assert mask("G01.123.45.67-251208-0001 phí 1500000 ngày 2026-12-08") == (
        "G01.123.45.67-251208-0001 phí 1500000 ngày 2026-12-08"
    )
    assert mask("CCCD 001088012345; +84912345678") == "CCCD 0010******45; +8491*****78"
