"""After submission an integrated filing (liên thông: the birth bundle's three records) shows in "Hồ sơ của tôi"
as one group named after the bundle, with its member records inside, not as three unrelated cards."""

import re

import pytest
from django.utils import timezone

from eservices.models import IntegratedService
from records import services as records_services
from records.constants import RecordState
from records.models import Record

from .conftest import filled_draft

pytestmark = pytest.mark.django_db


def _submitted_bundle(user, person):
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    group = records_services.start_bundle_draft(
        bundle=bundle, applicant=user, applicant_id_number=person.id_number, applicant_name=person.full_name
    )
    members = list(group.records.order_by("pk"))
    for number, record in enumerate(members, start=1):  # filed (the filing itself is tested elsewhere)
        Record.objects.filter(pk=record.pk).update(
            state=RecordState.SUBMITTED, code=f"TEST-260101-{number:04d}", submitted_at=timezone.now()
        )
    return bundle, members


def _cards(html):
    listing = html.split('<ul class="record-list">', 1)[1]
    return re.findall(r'<li class="procedure-card[^"]*"', listing)


def test_a_submitted_bundle_is_one_group_with_its_records(client, citizen, family):
    single = records_services.submit(filled_draft(citizen, family["father"]), actor=citizen)
    bundle, members = _submitted_bundle(citizen, family["father"])
    assert len(members) >= 2

    html = client.get("/my/records/").content.decode()
    assert len(_cards(html)) == 2, _cards(html)  # the bundle and the single record
    group = html.split('class="procedure-card record-group', 1)[1].split("</ul>", 1)[0]
    assert bundle.display_name in group
    for member in Record.objects.filter(pk__in=[m.pk for m in members]):
        assert member.code in group
        assert f'href="/my/records/{member.pk}/"' in group
    assert single.code not in group


def test_a_bundle_group_shows_only_the_citizens_own_records(client, citizen, other_citizen, family):
    _submitted_bundle(other_citizen, family["mother"])
    html = client.get("/my/records/").content.decode()
    assert "TEST-260101" not in html
