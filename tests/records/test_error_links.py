"""Errors are reachable: each error-summary link and each aria-describedby points at an element on the page."""

import re
from html.parser import HTMLParser

import pytest

from eservices.models import IntegratedService

pytestmark = pytest.mark.django_db


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.described_by, self.summary_links = set(), [], []
        self._in_summary = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described_by += attrs["aria-describedby"].split()
        if tag == "div" and "error-summary" in (attrs.get("class") or ""):
            self._in_summary = 1
        elif self._in_summary and tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.summary_links.append(attrs["href"][1:])


def check_error_links(html: str) -> _Ids:
    page = _Ids()
    page.feed(html)
    missing = [i for i in page.described_by + page.summary_links if i not in page.ids]
    assert missing == [], f"pointing at nothing: {missing}"
    return page


def test_the_birth_form_with_errors_links_every_error_to_its_field(client, citizen):
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    base = re.match(r"(/my/filings/[0-9a-f-]+/)", client.post(f"/services/bundles/{bundle.slug}/start/")["Location"])[1]
    client.post(base + "eligibility/", {"under_six": "yes"})
    response = client.post(
        base + "form/", {"continue": "", "applicant-applicant_role": "representative", "child_sex": "robot"}
    )
    assert response.status_code == 400
    page = check_error_links(response.content.decode())
    assert "id_child_sex_0" in page.summary_links  # a radio group: its first option
    assert "id_applicant-subject_name" in page.summary_links  # the applicant form, prefixed
    assert "id_child_full_name_error" in page.described_by  # the input announces its error
    assert re.search(r"Họ, chữ đệm và tên của trẻ: ", response.content.decode())  # the summary names the field


def test_the_lookup_with_errors_links_them(client):
    response = client.post("/lookup/", {"code": "", "id_number": "12"})
    assert response.status_code == 400
    page = check_error_links(response.content.decode())
    assert page.summary_links and page.described_by
