"""A partly-online record of a Hà Nội ward and the ward's counters: the citizens and catalogue of the records tests,
with the residence service made partly online (the originals are brought to the counter)."""

import datetime
import json

import pytest
from django.utils import timezone

from appointments.models import Counter, CounterService, ServiceGroup, Slot
from eservices.constants import ServiceDelivery
from eservices.models import OnlineService
from identity.constants import StaffRole
from records import services as records_services
from tests.records.conftest import (  # noqa: F401
    catalogue,
    citizen,
    citizen_account,
    family,
    filled_draft,
    login,
    other_citizen,
)
from tests.staff import officer as staff_officer
from tests.staff import totp_session

PRESENCE = "Mang bản chính giấy tờ đến Ủy ban nhân dân phường để đối chiếu."


@pytest.fixture
def partly_record(citizen, family):  # noqa: F811
    OnlineService.objects.filter(slug="dang-ky-thuong-tru").update(
        delivery=ServiceDelivery.PARTLY_ONLINE, presence_step=PRESENCE
    )
    return records_services.submit(filled_draft(citizen, family["father"]), actor=citizen)


def counters_for(agency, *, capacity=2, minutes=30, periods=""):
    group, _created = ServiceGroup.objects.get_or_create(agency=agency, name="Tất cả thủ tục")
    made = []
    for number in (1, 2):
        counter = Counter.objects.create(agency=agency, number=number, slot_minutes=minutes, office_periods=periods)
        CounterService.objects.create(counter=counter, group=group, capacity=capacity)
        made.append(counter)
    return group, made


@pytest.fixture
def counters(partly_record):
    return counters_for(partly_record.agency)


def officer_of(agency, username="quay.canbo"):
    return staff_officer(username, agency, StaffRole.RECEIVER, password="x", first_name="Hà", last_name="Nguyễn Thu")


def staff_login(client, user):
    return totp_session(client, user)


def arrive_today(booking) -> None:
    """The appointment's day comes: its slot is moved to now (the tests cannot wait for the day)."""
    now = timezone.now()
    Slot.objects.filter(pk=booking.slot_id).update(starts_at=now, ends_at=now + datetime.timedelta(minutes=30))
    booking.refresh_from_db()


def sms_lines(path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
