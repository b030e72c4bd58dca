"""Issue #21: the back-office queue shows the applicant's ID number masked; the record's page, where the officer
works on it, shows it whole."""

import pytest
from django.test import Client

from portal.templatetags.masking import mask_id, mask_phone
from tests.staff import totp_session

pytestmark = pytest.mark.django_db


def test_the_queue_masks_the_id_number_and_the_record_page_shows_it_whole(record, staff):
    officer = totp_session(Client(), staff["receiver"])
    whole = record.applicant_id_number
    queue = officer.get(f"/backoffice/agencies/{record.agency.code}/").content.decode()
    assert record.code in queue
    assert whole not in queue
    assert f"{whole[:4]}******{whole[-2:]}" in queue
    page = officer.get(f"/backoffice/records/{record.pk}/").content.decode()
    assert whole in page


def test_masks():
    assert mask_id("001088012345") == "0010******45"
    assert mask_id("B1234567") == "******67"
    assert mask_id("") == ""
    assert mask_phone("0912345678") == "091*****78"
    assert mask_phone("+84912345678") == "+84*******78"
