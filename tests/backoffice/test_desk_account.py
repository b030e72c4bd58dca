"""A citizen served at the desk before ever logging in finds that record in "Hồ sơ của tôi" at their first VNeID login.

Real OIDC over HTTP against the live server, as in tests/identity/test_oidc_live.py.
"""

import pytest
import requests
from django.test import Client

from eservices.models import OnlineService
from identity.constants import AssuranceLevel
from identity.models import User
from identity.vneid.clients import register_portal_client
from identity.vneid.models import VNeIDAccount
from records.constants import Channel
from records.models import Record
from tests.identity.conftest import PASSWORD
from tests.identity.helpers import portal_login

from .conftest import staff_login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sms_outbox(settings, tmp_path):
    settings.SMS_BACKEND = "notifications.sms.FileSmsBackend"
    settings.SMS_FILE_PATH = tmp_path / "sms.log"
    settings.VNEID_SMS_FILE_PATH = settings.SMS_FILE_PATH  # VNeID's one-time codes land in the same file
    return settings.SMS_FILE_PATH


def file_at_the_desk(receiver, person) -> Record:
    client = staff_login(Client(), receiver)
    agency = OnlineService.objects.get(slug="dang-ky-thuong-tru").version.agencies.first()
    start = f"/backoffice/agencies/{agency.code}/counter/"
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    response = client.post(start, {"step": "start", "id_number": person.id_number, "procedure": service.procedure.code})
    assert response.status_code == 302
    paper = service.version.components.exclude(pk=service.form_component_id).first()
    answers = {"request": "Đăng ký thường trú", "delivery": "online"}
    response = client.post(response["Location"], {**answers, "outcome": "receive", f"received_{paper.pk}": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Record.objects.get(channel=Channel.COUNTER, applicant_id_number=person.id_number)


def test_the_first_vneid_login_adopts_the_desk_account_and_its_records(
    live_server, staff, family, catalogue, sms_outbox
):
    register_portal_client(live_server.url, f"{live_server.url}/vneid")
    mother = family["mother"]
    record = file_at_the_desk(staff["receiver"], mother)
    desk_user = record.applicant
    assert not desk_user.has_usable_password() and not desk_user.socialaccount_set.exists()

    account = VNeIDAccount(person=mother, level=AssuranceLevel.LOA1)
    account.set_password(PASSWORD)
    account.save()
    citizens = User.objects.filter(kind=User.Kind.CITIZEN).count()
    browser = requests.Session()
    _final, url = portal_login(browser, live_server.url, mother, PASSWORD, sms_outbox)
    assert url.endswith("/my-account/"), url

    assert User.objects.filter(kind=User.Kind.CITIZEN).count() == citizens  # no second account for her
    desk_user.refresh_from_db()
    assert desk_user.socialaccount_set.get(provider="vneid").uid == str(account.pk)
    mine = browser.get(f"{live_server.url}/my/records/")
    assert mine.status_code == 200 and record.code in mine.text
    assert browser.get(f"{live_server.url}{record.get_absolute_url()}").status_code == 200


def test_an_account_with_a_password_is_never_taken_over(live_server, family, catalogue, sms_outbox):
    """Only desk accounts (no password, no identity linked) are adopted; anything else stays apart."""
    register_portal_client(live_server.url, f"{live_server.url}/vneid")
    mother = family["mother"]
    squatter = User.objects.create_user(username=f"counter-{mother.id_number}", password="doan-mo-2026")
    account = VNeIDAccount(person=mother, level=AssuranceLevel.LOA1)
    account.set_password(PASSWORD)
    account.save()

    portal_login(requests.Session(), live_server.url, mother, PASSWORD, sms_outbox)

    squatter.refresh_from_db()
    assert not squatter.socialaccount_set.exists()
    assert User.objects.get(socialaccount__uid=str(account.pk)).pk != squatter.pk
