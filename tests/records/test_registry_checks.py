"""Every person a filing names is checked against the population registry: the number must exist, and the name,
date of birth and relationship typed with it must agree with it. The message names the field that disagrees and
never tells the applicant anything of the registry they did not type themselves."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from records import services
from records.constants import RecordState
from records.models import Record
from tests.identity.factories import PersonFactory

from .test_filing import filing_url, start

pytestmark = pytest.mark.django_db

BIRTH_BUNDLE = "lien-thong-khai-sinh"


@pytest.fixture
def stranger(family):
    """A man the registry knows, nothing to do with the family: his number with the mother's name is the mistake
    (or the lie) the registry must catch."""
    return PersonFactory(
        serial=77,
        full_name="Trần Văn Người Lạ",
        birth_date=datetime.date(1985, 2, 3),
        sex="male",
        permanent_address="Số 9 phố Bí Mật",
    )


def start_bundle(client, slug=BIRTH_BUNDLE):
    response = client.post(f"/services/bundles/{slug}/start/")
    assert response.status_code == 302, response.content[:500]
    return filing_url(response["Location"])


def birth_form(family, **changes):
    today = timezone.localdate()
    form = {
        "child_full_name": "Lê Minh Con",
        "child_birth_date": (today - datetime.timedelta(days=10)).isoformat(),
        "child_sex": "male",
        "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
        "other_parent_name": family["mother"].full_name,
        "other_parent_id_number": family["mother"].id_number,
        "residence_address": "Số 11 phố Đội Cấn",
        "health_facility": "Trạm y tế phường Ba Đình",
    }
    return {**form, **changes}


def post_birth_form(client, base, form):
    assert client.post(base + "eligibility/", {"under_six": "yes"}).status_code == 302
    return client.post(base + "form/", {**form, "continue": ""})


def field_error(page: str, field: str) -> str | None:
    found = re.search(rf'<p class="field-error" id="id_{field}_error">([^<]*)</p>', page)
    return found.group(1) if found else None


def errors_on(page: str) -> set[str]:
    return set(re.findall(r'<p class="field-error" id="id_(\w+)_error">', page))


def registry_secrets(person) -> list[str]:
    """What the registry holds of ``person`` that the applicant must not learn from a refusal."""
    birth = person.birth_date
    return [
        person.full_name,
        person.id_number,
        birth.isoformat(),
        birth.strftime("%d/%m/%Y"),
        person.permanent_address,
        person.phone,
    ]


def test_the_birth_bundle_is_filed_when_the_registry_agrees(client, citizen, family):
    base = start_bundle(client)
    response = post_birth_form(client, base, birth_form(family))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith("/attachments/")


def test_the_mothers_name_with_another_mans_number_is_refused_on_the_name_field(client, citizen, family, stranger):
    base = start_bundle(client)
    response = post_birth_form(client, base, birth_form(family, other_parent_id_number=stranger.id_number))

    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"other_parent_name"}
    assert "Họ tên không khớp với người có số định danh đã nhập" in field_error(page, "other_parent_name")
    # Nothing of the stranger but the number the applicant typed: not his name, birth date, address or phone.
    for secret in registry_secrets(stranger)[:1] + registry_secrets(stranger)[2:]:
        assert secret not in page
    # What was typed is kept, and comes back in the fields.
    assert f'value="{stranger.id_number}"' in page and f'value="{family["mother"].full_name}"' in page
    group = Record.objects.get(applicant=citizen, service__slug="dang-ky-khai-sinh").group
    assert group.form_data["other_parent_id_number"] == stranger.id_number


def test_a_number_the_registry_does_not_know_is_refused_on_the_number_field(client, citizen, family):
    base = start_bundle(client)
    unknown = "001185099999"
    response = post_birth_form(client, base, birth_form(family, other_parent_id_number=unknown))

    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"other_parent_id_number"}
    assert "Không có số định danh này trong Cơ sở dữ liệu quốc gia về dân cư" in field_error(
        page, "other_parent_id_number"
    )


def test_the_applicants_own_number_as_the_other_parent_is_refused(client, citizen, family):
    base = start_bundle(client)
    response = post_birth_form(
        client,
        base,
        birth_form(
            family, other_parent_id_number=family["father"].id_number, other_parent_name=family["father"].full_name
        ),
    )
    assert response.status_code == 400
    assert "số định danh của chính bạn" in field_error(response.content.decode(), "other_parent_id_number")


def test_a_child_born_in_2019_is_refused_by_the_bundle_for_children_under_6(client, citizen, family):
    base = start_bundle(client)
    response = post_birth_form(client, base, birth_form(family, child_birth_date="2019-06-01"))

    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"child_birth_date"}
    message = field_error(page, "child_birth_date")
    assert "đã đủ 6 tuổi" in message and "dưới 6 tuổi" in message


def test_a_child_turning_6_before_the_card_is_issued_is_refused(client, citizen, family):
    """Under 6 today is not enough: the bundle takes up to 5 working days, and the card is issued last."""
    today = timezone.localdate()
    sixth_birthday_tomorrow = (today + datetime.timedelta(days=1)).replace(year=today.year - 6)
    base = start_bundle(client)
    response = post_birth_form(client, base, birth_form(family, child_birth_date=sixth_birthday_tomorrow.isoformat()))
    assert response.status_code == 400
    assert errors_on(response.content.decode()) == {"child_birth_date"}


def test_a_draft_the_registry_contradicts_cannot_be_submitted(client, citizen, family, stranger):
    """The check stands at submission too, whatever way the data reached the draft."""
    base = start_bundle(client)
    assert post_birth_form(client, base, birth_form(family)).status_code == 302
    records = list(Record.objects.filter(applicant=citizen).order_by("created_at"))
    services.save_form(records, {**records[0].group.form_data, "other_parent_id_number": stranger.id_number}, [])

    problems = services.submission_problems(records[0])
    assert any(p.startswith("Họ tên cha/mẹ còn lại: Họ tên không khớp") for p in problems), problems
    assert not any(stranger.full_name in p for p in problems)
    response = client.post(base + "review/")
    assert response.status_code == 400
    assert "Họ tên không khớp" in response.content.decode()
    assert all(r.state == RecordState.DRAFT for r in Record.objects.filter(applicant=citizen))


# --- Death registration: the deceased is checked, and the applicant's relationship to them ----------------------


def death_form(deceased, **changes):
    form = {
        "deceased_name": deceased.full_name,
        "deceased_id_number": deceased.id_number,
        "date_of_death": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "place_of_death": "Bệnh viện Bạch Mai",
        "cause_of_death": "Bệnh",
        "relationship": "spouse",
        "delivery": "online",
    }
    return {**form, **changes}


def post_death_form(client, form):
    base = filing_url(start(client, "dang-ky-khai-tu"))
    return client.post(base + "form/", {**form, "continue": ""})


def test_a_spouses_death_is_registered_when_the_registry_agrees(client, citizen, family):
    response = post_death_form(client, death_form(family["mother"]))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_deceased_must_be_in_the_registry(client, citizen, family):
    response = post_death_form(client, death_form(family["mother"], deceased_id_number="001194012345"))
    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"deceased_id_number"}


def test_the_deceased_name_must_be_the_one_of_that_number(client, citizen, family, stranger):
    response = post_death_form(client, death_form(family["mother"], deceased_id_number=stranger.id_number))
    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"deceased_name"}
    assert stranger.full_name not in page


def test_a_relationship_the_registry_contradicts_is_refused_on_the_relationship_field(
    client, citizen, family, stranger
):
    """He is married to the mother in the registry: he cannot be the stranger's spouse. Said without saying who
    the spouse is."""
    response = post_death_form(client, death_form(stranger))
    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"relationship"}
    assert "Quan hệ đã chọn không khớp" in field_error(page, "relationship")
    assert family["mother"].id_number not in page


def test_a_relationship_the_registry_does_not_record_is_left_to_the_officer(client, citizen, stranger):
    """The registry knows no parent of the applicant: "the deceased was my parent" cannot be contradicted."""
    response = post_death_form(client, death_form(stranger, relationship="child"))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_person_alive_in_the_registry_may_be_declared_dead(client, citizen, family):
    """The registry records a death once it is registered: a death registration names someone it still holds as
    living, which is what it checks (the number, the name), not a refusal."""
    response = post_death_form(client, death_form(family["mother"]))
    assert response.status_code == 302


def test_the_wrong_date_of_birth_for_the_other_party_is_refused_on_that_field(client, citizen, family):
    base = filing_url(start(client, "dang-ky-ket-hon"))
    mother = family["mother"]
    partner = {
        "partner_name": mother.full_name,
        "partner_id_number": mother.id_number,
        "partner_birth_date": "1994-06-05",
        "partner_residence": "Số 11 phố Đội Cấn, Ba Đình, Hà Nội",
        "first_marriage": "on",
        "continue": "",
    }
    response = client.post(base + "form/", partner)
    assert response.status_code == 400
    page = response.content.decode()
    assert errors_on(page) == {"partner_birth_date"}
    assert "Ngày sinh không khớp" in field_error(page, "partner_birth_date")
    assert mother.birth_date.strftime("%d/%m/%Y") not in page and mother.birth_date.isoformat() not in page


def test_the_filing_api_names_the_field_the_registry_contradicts(client, citizen, family, stranger):
    data = {
        "deceased_name": family["mother"].full_name,
        "deceased_id_number": stranger.id_number,
        "date_of_death": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "place_of_death": "Bệnh viện Bạch Mai",
        "relationship": "spouse",
        "delivery": "online",
    }
    response = client.post("/api/v1/records/", {"service": "dang-ky-khai-tu", "data": json.dumps(data)})
    assert response.status_code == 400, response.content
    body = response.json()
    assert "deceased_name" in body and "draft" in body, body  # what to fix by field, and the draft keeping it
    assert "Họ tên không khớp" in body["deceased_name"][0]
    assert stranger.full_name not in response.content.decode()
    assert not Record.objects.filter(applicant=citizen).exclude(state=RecordState.DRAFT).exists()


def test_the_service_api_says_which_fields_name_a_person_the_registry_checks(client, catalogue):
    service = client.get("/api/v1/services/dang-ky-khai-tu/").json()
    assert service["named_persons"] == [
        {
            "role": "deceased",
            "id_number": "deceased_id_number",
            "name": "deceased_name",
            "relationship": "relationship",
        }
    ]
