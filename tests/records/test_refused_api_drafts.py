"""Refused filing-API requests keep one draft per citizen and service, not one per attempt (issue #15 item 18)."""

import json

import pytest

from eservices.models import OnlineService
from records import services
from records.constants import RecordState
from records.models import Record

from .test_records import BUSINESS

pytestmark = pytest.mark.django_db

SLUG = "dang-ky-thanh-lap-doanh-nghiep-tu-nhan"
API = "/api/v1/records/"


def refused(client, capital, **headers):
    response = client.post(API, {"service": SLUG, "data": json.dumps({**BUSINESS, "capital": capital})}, **headers)
    assert response.status_code == 400, response.content
    return response.json()["draft"]


def drafts(user):
    return Record.objects.filter(applicant=user, state=RecordState.DRAFT)


def test_refused_requests_without_a_key_continue_one_draft(client, citizen):
    kept = {refused(client, capital) for capital in (5, 6, 7)}
    assert len(kept) == 1 and drafts(citizen).count() == 1
    assert drafts(citizen).get().form_data["capital"] == 7  # what the last attempt sent


def test_refused_requests_with_a_new_key_each_time_continue_one_draft(client, citizen):
    kept = {refused(client, 5 + n, HTTP_IDEMPOTENCY_KEY=f"attempt-key-{n:04d}") for n in range(4)}
    assert len(kept) == 1 and drafts(citizen).count() == 1
    draft = drafts(citizen).get()
    assert draft.idempotency_key == "attempt-key-0003"
    # The last key files it once the request is right (the missing document is still said: a 400 on the same draft).
    again = client.post(API, {"service": SLUG, "data": json.dumps(BUSINESS)}, HTTP_IDEMPOTENCY_KEY="attempt-key-0003")
    assert again.json()["draft"] == str(draft.pk) and drafts(citizen).count() == 1


def test_a_draft_begun_on_the_web_is_left_alone(client, citizen, family):
    web = services.start_online_draft(
        service=OnlineService.objects.get(slug=SLUG),
        applicant=citizen,
        applicant_id_number=family["father"].id_number,
        applicant_name=family["father"].full_name,
    )
    services.save_form([web], {"business_name": "Gõ trên web"}, [])
    refused(client, 5)
    refused(client, 6)
    assert drafts(citizen).count() == 2
    assert Record.objects.get(pk=web.pk).form_data == {"business_name": "Gõ trên web"}
