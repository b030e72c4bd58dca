"""The personal identification number: property tests and the messages that name the wrong part."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from identity.constants import Sex
from identity.validators import PROVINCE_CODES, build_id_number, parse_id_number, validate_id_number

provinces = st.sampled_from(sorted(PROVINCE_CODES))
sexes = st.sampled_from([Sex.MALE, Sex.FEMALE])
birth_dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date.today())
serials = st.integers(min_value=0, max_value=999_999)
invalid_provinces = (
    st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}").filter(lambda code: code not in PROVINCE_CODES)
)


def test_the_63_province_codes():
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội" and PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"


@given(provinces, birth_dates, sexes, serials)
def test_built_numbers_are_valid_and_round_trip(province, birth, sex, serial):
    number = build_id_number(province, birth, sex, serial)
    assert len(number) == 12 and number.isdigit()
    parts = validate_id_number(number, birth_date=birth, sex=sex)
    assert parts.province_code == province
    assert parts.sex == sex
    assert parts.year_of_birth == birth.year


@given(provinces, birth_dates, sexes, serials)
def test_century_and_sex_digit(province, birth, sex, serial):
    digit = int(build_id_number(province, birth, sex, serial)[3])
    # Circular 07/2016/TT-BCA: 0/1 20th century, 2/3 21st...; even male, odd female.
    assert digit // 2 == (birth.year - 1900) // 100
    assert digit % 2 == (1 if sex == Sex.FEMALE else 0)


@given(provinces, birth_dates, sexes, serials)
def test_wrong_sex_is_refused_naming_the_fourth_digit(province, birth, sex, serial):
    number = build_id_number(province, birth, sex, serial)
    other = Sex.FEMALE if sex == Sex.MALE else Sex.MALE
    with pytest.raises(ValidationError) as error:
        validate_id_number(number, birth_date=birth, sex=other)
    assert error.value.code == "id_number_sex"
    assert "Chữ số thứ tư" in error.value.messages[0]


@given(provinces, birth_dates, sexes, serials, st.integers(min_value=1, max_value=99))
def test_wrong_year_is_refused_naming_the_year_digits(province, birth, sex, serial, shift):
    number = build_id_number(province, birth, sex, serial)
    other_year = birth.year - birth.year % 100 + (birth.year % 100 + shift) % 100
    other = birth.replace(year=other_year, day=min(birth.day, 28))
    with pytest.raises(ValidationError) as error:
        validate_id_number(number, birth_date=other, sex=sex)
    assert error.value.code == "id_number_year"
    assert "thứ năm và thứ sáu" in error.value.messages[0]


@given(provinces, birth_dates, sexes, serials)
def test_wrong_century_is_refused(province, birth, sex, serial):
    number = build_id_number(province, birth, sex, serial)
    other = birth.replace(year=birth.year + 100 if birth.year < 2000 else birth.year - 100, day=min(birth.day, 28))
    with pytest.raises(ValidationError) as error:
        validate_id_number(number, birth_date=other, sex=sex)
    assert error.value.code == "id_number_century"


@given(invalid_provinces, birth_dates, sexes, serials)
def test_unknown_province_is_refused_naming_it(code, birth, sex, serial):
    number = build_id_number(code, birth, sex, serial)
    with pytest.raises(ValidationError) as error:
        parse_id_number(number)
    assert error.value.code == "id_number_province"
    assert code in error.value.messages[0]


@given(
    st.text(max_size=20).filter(lambda s: not (len(s.strip()) == 12 and s.strip().isascii() and s.strip().isdigit()))
)
def test_anything_but_twelve_digits_is_refused(value):
    with pytest.raises(ValidationError) as error:
        parse_id_number(value)
    assert error.value.code == "id_number_format"
    assert "12 chữ số" in error.value.messages[0]


def test_future_birth_year_is_refused():
    next_year = datetime.date.today().year + 1
    number = f"001{(next_year - 1900) // 100 * 2}{next_year % 100:02d}000001"
    with pytest.raises(ValidationError) as error:
        parse_id_number(number)
    assert error.value.code == "id_number_century"


@pytest.mark.django_db
def test_the_registry_refuses_an_inconsistent_number():
    from identity.models import Person

    number = build_id_number("001", datetime.date(1990, 1, 1), Sex.MALE, 1)
    with pytest.raises(ValidationError):
        Person.objects.create(id_number=number, full_name="X", birth_date=datetime.date(1990, 1, 1), sex=Sex.FEMALE)
    with pytest.raises(ValidationError):
        Person.objects.create(
            id_number="003190000001", full_name="X", birth_date=datetime.date(1990, 1, 1), sex=Sex.FEMALE
        )
    assert not Person.objects.exists()


def test_the_consent_page_scopes_are_translated():
    from django.utils import translation
    from oauth2_provider.settings import oauth2_settings

    with translation.override("en"):
        english = str(oauth2_settings.SCOPES["idnumber"])
    with translation.override("vi"):
        vietnamese = str(oauth2_settings.SCOPES["idnumber"])
    assert vietnamese == "Số định danh cá nhân" and english == "Personal identification number"
