import datetime

import pytest

from identity.constants import AssuranceLevel, Sex

from .factories import PASSWORD, PersonFactory, driving_licence

__all__ = ["PASSWORD", "make_person"]


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
    """Someone of Hà Nội in the registry, with a VNeID account of ``level``."""
    return PersonFactory(
        serial=serial,
        province=province,
        full_name=name,
        birth_date=birth,
        sex=sex,
        phone=phone,
        email=f"nguoi{serial}@example.vn",
        permanent_address="Số 1 phố Tràng Tiền",
        place_of_origin="Hà Nội",
        vneid=password,
        vneid__level=level,
    )


@pytest.fixture
def citizen_person(db):
    person = make_person(1)
    driving_licence(person, "010101010101")
    return person


@pytest.fixture
def other_person(db):
    return make_person(2, name="Trần Thị Khác", sex=Sex.FEMALE, birth=datetime.date(1993, 1, 2), phone="0987654321")
