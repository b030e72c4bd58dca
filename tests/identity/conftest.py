import datetime
from dataclasses import dataclass

import pytest

from identity.constants import AssuranceLevel, Sex, StaffRole
from procedures.constants import AgencyLevel, UnitLevel
from procedures.models import AdministrativeUnit, Agency
from tests.staff import officer

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


# --- Staff administration (issue #17 item 4): two provinces, a ward in each and the first province's department,
# with a head at each ward.
@dataclass
class World:
    ward_a: Agency
    department_a: Agency
    ward_b: Agency
    head_a: object
    head_b: object


@pytest.fixture
def world(db):
    hanoi = AdministrativeUnit.objects.create(code="91", name="Thành phố Thử Một", level=UnitLevel.PROVINCE)
    hue = AdministrativeUnit.objects.create(code="92", name="Thành phố Thử Hai", level=UnitLevel.PROVINCE)
    ward_1 = AdministrativeUnit.objects.create(code="91001", name="Phường Một", level=UnitLevel.COMMUNE, parent=hanoi)
    ward_2 = AdministrativeUnit.objects.create(code="92001", name="Phường Hai", level=UnitLevel.COMMUNE, parent=hue)
    ward_a = Agency.objects.create(
        code="T.A", name="Ủy ban nhân dân phường Một", level=AgencyLevel.COMMUNE, unit=ward_1
    )
    department_a = Agency.objects.create(
        code="T.SO", name="Sở Tư pháp thành phố Thử Một", level=AgencyLevel.PROVINCE, unit=hanoi
    )
    ward_b = Agency.objects.create(
        code="T.B", name="Ủy ban nhân dân phường Hai", level=AgencyLevel.COMMUNE, unit=ward_2
    )
    head_a = officer("thutruong.a", ward_a, StaffRole.AGENCY_HEAD, totp=True, first_name="An", last_name="Lê Văn")
    head_b = officer("thutruong.b", ward_b, StaffRole.AGENCY_HEAD, totp=True, first_name="Bích", last_name="Phan Thị")
    return World(ward_a=ward_a, department_a=department_a, ward_b=ward_b, head_a=head_a, head_b=head_b)
