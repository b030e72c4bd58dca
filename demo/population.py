"""Demo population registry: about 60 people in households across the demo provinces.

Deterministic (a seeded random generator), so every run produces the same
people with the same identification numbers. The first households are fixed
and listed in the README as demo identities.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from identity.constants import EDocumentKind, MaritalStatus, Relationship, Sex

FAMILY_NAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = {
    Sex.MALE: ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Gia"],
    Sex.FEMALE: ["Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim", "Phương"],
}
GIVEN = {
    Sex.MALE: [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hùng",
        "Khánh",
        "Long",
        "Nam",
        "Phúc",
        "Quân",
        "Sơn",
        "Tuấn",
        "Việt",
        "Hải",
        "Đạt",
    ],
    Sex.FEMALE: [
        "Anh",
        "Bích",
        "Chi",
        "Dung",
        "Hà",
        "Hằng",
        "Lan",
        "Linh",
        "Mai",
        "Ngân",
        "Phương",
        "Trang",
        "Yến",
        "Thảo",
        "Vy",
    ],
}
ETHNICITIES = ["Kinh"] * 8 + ["Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng"]
STREETS = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Quang Trung",
    "Điện Biên Phủ",
    "Nguyễn Huệ",
]


@dataclass
class DemoPerson:
    full_name: str
    birth_date: datetime.date
    sex: str
    relationship: str
    marital_status: str = MaritalStatus.SINGLE
    level: str = "LoA2"
    documents: list[dict] = field(default_factory=list)
    ethnicity: str = "Kinh"


@dataclass
class DemoHousehold:
    members: list[DemoPerson]
    # Index into the list of demo provinces; the commune is picked in that province.
    province_index: int
    street: str
    expecting_newborn: bool = False
    # Fixed households name their province (unit code), so their ID numbers never depend on the catalogue.
    province_code: str = ""


def _licence(number: str, licence_class: str, expires_on: datetime.date) -> dict:
    return {
        "kind": EDocumentKind.DRIVING_LICENCE,
        "number": number,
        "issued_on": expires_on - datetime.timedelta(days=365 * 10),
        "expires_on": expires_on,
        "issuer": "Sở Giao thông vận tải",
        "details": {"class": licence_class},
    }


def health_card(number: str, today: datetime.date) -> dict:
    return {
        "kind": EDocumentKind.HEALTH_INSURANCE,
        "number": number,
        "issued_on": datetime.date(today.year, 1, 1),
        "expires_on": datetime.date(today.year + 1, 12, 31),
        "issuer": "Bảo hiểm xã hội Việt Nam",
        "details": {"place_of_first_care": "Trạm y tế xã, phường nơi cư trú"},
    }


def _vehicle(number: str, plate: str, brand: str) -> dict:
    return {
        "kind": EDocumentKind.VEHICLE_REGISTRATION,
        "number": number,
        "issued_on": datetime.date(2021, 6, 1),
        "expires_on": None,
        "issuer": "Phòng Cảnh sát giao thông",
        "details": {"plate": plate, "brand": brand},
    }


def fixed_households(today: datetime.date) -> list[DemoHousehold]:
    """The households the README names: a couple expecting a newborn, a licence about to expire, a level-1 account."""
    return [
        DemoHousehold(
            province_index=0,
            province_code="01",
            street="Số 12 phố Lê Lợi",
            expecting_newborn=True,
            members=[
                DemoPerson(
                    "Nguyễn Văn An",
                    datetime.date(1992, 3, 12),
                    Sex.MALE,
                    Relationship.HEAD,
                    MaritalStatus.MARRIED,
                    documents=[
                        _licence("010123456789", "B2", today + datetime.timedelta(days=900)),
                        _vehicle("001234", "29A-123.45", "Toyota Vios"),
                    ],
                ),
                DemoPerson(
                    "Trần Thị Bình", datetime.date(1995, 8, 20), Sex.FEMALE, Relationship.SPOUSE, MaritalStatus.MARRIED
                ),
            ],
        ),
        DemoHousehold(
            province_index=1,
            province_code="79",
            street="Số 45 đường Nguyễn Huệ",
            members=[
                DemoPerson(
                    "Lê Văn Cường",
                    datetime.date(1980, 11, 2),
                    Sex.MALE,
                    Relationship.HEAD,
                    MaritalStatus.MARRIED,
                    documents=[_licence("790198765432", "B2", today + datetime.timedelta(days=20))],
                ),
                DemoPerson(
                    "Phạm Thị Dung", datetime.date(1983, 5, 9), Sex.FEMALE, Relationship.SPOUSE, MaritalStatus.MARRIED
                ),
                DemoPerson("Lê Gia Huy", datetime.date(2010, 1, 15), Sex.MALE, Relationship.CHILD),
            ],
        ),
        DemoHousehold(
            province_index=2,
            province_code="48",
            street="Số 7 đường Quang Trung",
            members=[
                DemoPerson("Hoàng Thu Hà", datetime.date(2001, 7, 30), Sex.FEMALE, Relationship.HEAD, level="LoA1"),
            ],
        ),
    ]


def generated_households(today: datetime.date, count: int = 17, seed: int = 2026) -> list[DemoHousehold]:
    rng = random.Random(seed)  # noqa: S311  demo data, not security
    households = []
    for index in range(count):
        family = rng.choice(FAMILY_NAMES)
        head_year = rng.randint(1958, 1996)
        head = DemoPerson(
            f"{family} {rng.choice(MIDDLE[Sex.MALE])} {rng.choice(GIVEN[Sex.MALE])}",
            datetime.date(head_year, rng.randint(1, 12), rng.randint(1, 28)),
            Sex.MALE,
            Relationship.HEAD,
            MaritalStatus.MARRIED,
            ethnicity=rng.choice(ETHNICITIES),
        )
        wife_family = rng.choice(FAMILY_NAMES)
        wife = DemoPerson(
            f"{wife_family} {rng.choice(MIDDLE[Sex.FEMALE])} {rng.choice(GIVEN[Sex.FEMALE])}",
            datetime.date(head_year + rng.randint(0, 4), rng.randint(1, 12), rng.randint(1, 28)),
            Sex.FEMALE,
            Relationship.SPOUSE,
            MaritalStatus.MARRIED,
            ethnicity=head.ethnicity,
        )
        members = [head, wife]
        young_couple = head_year >= 1990
        if not young_couple:
            for _child in range(rng.randint(1, 2)):
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
                year = rng.randint(max(wife.birth_date.year + 20, 1985), min(today.year - 1, wife.birth_date.year + 40))
                members.append(
                    DemoPerson(
                        f"{family} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}",
                        datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        sex,
                        Relationship.CHILD,
                        ethnicity=head.ethnicity,
                    )
                )
        # Every fourth household has a driving licence about to expire.
        expires = today + datetime.timedelta(days=rng.randint(5, 45) if index % 4 == 0 else rng.randint(200, 3000))
        head.documents.append(_licence(f"{rng.randint(10**11, 10**12 - 1)}", rng.choice(["A1", "B2", "C"]), expires))
        if rng.random() < 0.5:
            head.documents.append(
                _vehicle(
                    f"{rng.randint(100000, 999999)}",
                    f"{rng.randint(11, 99)}B1-{rng.randint(100, 999)}.{rng.randint(10, 99)}",
                    "Honda Wave",
                )
            )
        if index % 5 == 0:
            wife.level = "LoA1"
        households.append(
            DemoHousehold(
                members=members,
                province_index=index,
                street=f"Số {rng.randint(1, 300)} đường {rng.choice(STREETS)}",
                expecting_newborn=young_couple,
            )
        )
    return households


def all_households(today: datetime.date) -> list[DemoHousehold]:
    households = fixed_households(today) + generated_households(today)
    for household in households:
        for person in household.members:
            person.documents = [*person.documents]
    return households


def health_card_number(index: int, province_code: str) -> str:
    return f"GD4{province_code[-2:]}{index:010d}"
