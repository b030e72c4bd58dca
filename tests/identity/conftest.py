import datetime

import pytest

from identity.constants import AssuranceLevel, Sex
from identity.models import Person
from identity.validators import build_id_number
from identity.vneid.models import VNeIDAccount

PASSWORD = "Mat-khau-2026!"


@pytest.fixture
def sms_outbox(settings, tmp_path):
    path = tmp_path / "sms" / "outbox.log"
    settings.SMS_BACKEND = "notifications.sms.FileSmsBackend"
    settings.SMS_FILE_PATH = path
    settings.VNEID_SMS_FILE_PATH = path  # VNeID's one-time codes land in the same file
    return path


def make_person(
    serial=1,
    *,
    name="Nguyễn Văn Thử",
    birth=datetime.date(1990, 4, 5),
    sex=Sex.MALE,
    province="001",
    phone="0912345678",
    level=AssuranceLevel.LOA2,
    password=PASSWORD,
):
    person = Person.objects.create(
        id_number=build_id_number(province, birth, sex, serial),
        full_name=name,
        birth_date=birth,
        sex=sex,
        phone=phone,
        email=f"nguoi{serial}@example.vn",
        permanent_address="Số 1 phố Tràng Tiền",
        place_of_origin="Hà Nội",
    )
    account = VNeIDAccount(person=person, level=level)
    account.set_password(password)
    account.save()
    return person


@pytest.fixture
def citizen_person(db):
    from identity.constants import EDocumentKind
    from identity.models import EDocument

    person = make_person(1)
    EDocument.objects.create(
        person=person,
        kind=EDocumentKind.DRIVING_LICENCE,
        number="010101010101",
        expires_on=datetime.date.today() + datetime.timedelta(days=20),
        details={"class": "B2"},
    )
    return person


@pytest.fixture
def other_person(db):
    return make_person(2, name="Trần Thị Khác", sex=Sex.FEMALE, birth=datetime.date(1993, 1, 2), phone="0987654321")
