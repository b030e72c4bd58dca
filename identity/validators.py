"""The 12-digit personal identification number (số định danh cá nhân).

Layout (Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA, replaced by Circular
59/2021/TT-BCA with the same scheme):

    PPP G YY RRRRRR
    │   │ │  └ six random digits
    │   │ └ last two digits of the year of birth
    │   └ century of birth and sex: 0/1 = 20th century (1900–1999) male/female,
    │     2/3 = 21st, 4/5 = 22nd, 6/7 = 23rd, 8/9 = 24th
    └ code of the province (pre-2025 list of 63) where the birth was registered

Every refusal names the part that is wrong, so a citizen typing their number
knows what to look at.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import Sex

# Province codes used in identification numbers: the 63 provinces and cities
# before the 2025 merger (Circular 07/2016/TT-BCA, annex). Numbers already
# issued keep these codes.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

FIRST_CENTURY_YEAR = 1900
LAST_CENTURY_DIGIT = 9


@dataclass(frozen=True)
class IdNumberParts:
    province_code: str
    province_name: str
    sex: str
    century_start: int  # 1900, 2000, ...
    year_of_birth: int
    serial: str


def century_sex_digit(year: int, sex: str) -> str:
    """The fourth digit for someone born in ``year`` with ``sex``."""
    century_index = (year - FIRST_CENTURY_YEAR) // 100
    if not 0 <= century_index <= LAST_CENTURY_DIGIT // 2:
        raise ValueError(f"year {year} has no century code")
    return str(century_index * 2 + (1 if sex == Sex.FEMALE else 0))


def build_id_number(province_code: str, birth_date: datetime.date, sex: str, serial: int | str) -> str:
    """Compose a valid number; used by the demo data and the tests."""
    digit = century_sex_digit(birth_date.year, sex)
    return f"{province_code}{digit}{birth_date.year % 100:02d}{int(serial):06d}"


def parse_id_number(value: str) -> IdNumberParts:
    """Split and check a number on its own; raise ``ValidationError`` naming the wrong part."""
    value = (value or "").strip()
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("Số định danh cá nhân phải gồm đúng 12 chữ số (đã nhập %(length)s ký tự)."),
            code="id_number_format",
            params={"length": len(value)},
        )
    province_code, digit, yy, serial = value[:3], int(value[3]), int(value[4:6]), value[6:]
    if province_code not in PROVINCE_CODES:
        raise ValidationError(
            _("Ba chữ số đầu %(code)s không phải mã tỉnh, thành phố nơi đăng ký khai sinh."),
            code="id_number_province",
            params={"code": province_code},
        )
    century_start = FIRST_CENTURY_YEAR + 100 * (digit // 2)
    year = century_start + yy
    if year > timezone.localdate().year:
        raise ValidationError(
            _(
                "Chữ số thứ tư (%(digit)s, thế kỷ) và hai chữ số năm sinh (%(yy)s) cho năm sinh %(year)s, "
                "là năm chưa đến."
            ),
            code="id_number_century",
            params={"digit": digit, "yy": f"{yy:02d}", "year": year},
        )
    return IdNumberParts(
        province_code=province_code,
        province_name=PROVINCE_CODES[province_code],
        sex=Sex.FEMALE if digit % 2 else Sex.MALE,
        century_start=century_start,
        year_of_birth=year,
        serial=serial,
    )


def validate_id_number(value: str, *, birth_date: datetime.date | None = None, sex: str | None = None) -> IdNumberParts:
    """Check a number and, when given, that it agrees with the date of birth and sex."""
    parts = parse_id_number(value)
    value = value.strip()
    if birth_date is not None:
        century_start = birth_date.year - birth_date.year % 100
        if century_start != parts.century_start:
            raise ValidationError(
                _(
                    "Chữ số thứ tư (%(digit)s) chỉ thế kỷ sinh %(number_century)s–%(number_century_end)s, "
                    "không khớp với năm sinh %(year)s."
                ),
                code="id_number_century",
                params={
                    "digit": value[3],
                    "number_century": parts.century_start,
                    "number_century_end": parts.century_start + 99,
                    "year": birth_date.year,
                },
            )
        if birth_date.year % 100 != parts.year_of_birth % 100:
            raise ValidationError(
                _("Chữ số thứ năm và thứ sáu (%(yy)s) phải là hai số cuối của năm sinh %(year)s."),
                code="id_number_year",
                params={"yy": value[4:6], "year": birth_date.year},
            )
    if sex is not None and sex != parts.sex:
        raise ValidationError(
            _("Chữ số thứ tư (%(digit)s) chỉ giới tính %(number_sex)s, không khớp với giới tính %(sex)s."),
            code="id_number_sex",
            params={"digit": value[3], "number_sex": Sex(parts.sex).label, "sex": Sex(sex).label},
        )
    return parts


def id_number_validator(value: str) -> None:
    """Field validator (format, province and century only: a field does not know the birth date)."""
    parse_id_number(value)
