"""A connection lost in the middle of an upload, over a real socket to the live server.

The client sends the headers and half of a 3 MB multipart body, then stops sending
(a phone leaving coverage). The server must store nothing partial, keep the draft and
the documents already uploaded, and answer with a message saying to upload again.
"""

import re
import socket
from urllib.parse import urlparse

import pytest
import requests
from django.conf import settings
from django.test import Client

from records.constants import RecordState
from records.models import Record

from . import files
from .conftest import citizen_account, login
from .test_filing import LICENCE_FORM, answer_eligibility, filing_url, start

pytestmark = pytest.mark.django_db(transaction=True)


def send_half_and_stop(url: str, cookies: dict, fields: dict, upload: tuple) -> str:
    """POST a multipart body but send only its first half, then stop sending; return the server's answer."""
    body, content_type = requests.models.RequestEncodingMixin._encode_files({"file": upload}, fields)
    parsed = urlparse(url)
    head = (
        f"POST {parsed.path} HTTP/1.1\r\nHost: {parsed.netloc}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        f"Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
        f"X-CSRFToken: {cookies[settings.CSRF_COOKIE_NAME]}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((parsed.hostname, parsed.port), timeout=30) as sock:
        sock.sendall(head + body[: len(body) // 2])
        sock.shutdown(socket.SHUT_WR)  # the rest never arrives
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.decode("utf-8", "replace")


def test_a_lost_connection_mid_upload_keeps_the_draft_and_the_good_documents(live_server, family, catalogue):
    user = citizen_account(family["father"])
    web = login(Client(), user)
    base = filing_url(start(web))
    answer_eligibility(web, base)
    web.post(base + "form/", {**LICENCE_FORM, "continue": ""})
    record = Record.objects.get(applicant=user)
    components = {c.name: c for c in record.procedure_version.components.all()}
    health = next(c for name, c in components.items() if name.startswith("Giấy khám sức khỏe"))
    licence = next(c for name, c in components.items() if name.startswith("Bản sao giấy phép lái xe"))
    upload = {"action": "upload", "record": record.pk, "component": health.pk, "file": files.pdf()}
    web.post(base + "attachments/", upload)
    assert record.attachments.count() == 1

    browser = requests.Session()
    browser.cookies.set(settings.SESSION_COOKIE_NAME, web.cookies[settings.SESSION_COOKIE_NAME].value)
    page = browser.get(f"{live_server.url}{base}attachments/")
    assert page.status_code == 200
    big = files.PDF + b"0" * (3 * 1024 * 1024)
    answer = send_half_and_stop(
        f"{live_server.url}{base}attachments/",
        browser.cookies.get_dict(),
        {"action": "upload", "record": str(record.pk), "component": str(licence.pk)},
        ("ban-sao-gplx.pdf", big, "application/pdf"),
    )

    assert re.match(r"HTTP/1\.[01] 400", answer), answer[:300]
    assert "Hãy chọn tệp để tải lên." in answer  # nothing arrived whole: upload again
    record.refresh_from_db()
    assert record.state == RecordState.DRAFT
    assert [a.component_id for a in record.attachments.all()] == [health.pk]  # nothing partial stored
    # The citizen uploads again on a good connection and goes on.
    again = browser.post(
        f"{live_server.url}{base}attachments/",
        data={"action": "upload", "record": str(record.pk), "component": str(licence.pk)},
        files={"file": ("ban-sao-gplx.pdf", big, "application/pdf")},
        headers={"X-CSRFToken": browser.cookies[settings.CSRF_COOKIE_NAME]},
    )
    assert again.status_code == 200 and "Đã tải lên “ban-sao-gplx.pdf”" in again.text
    assert sorted(a.size for a in record.attachments.all()) == sorted([len(files.PDF), len(big)])
