"""The persons an e-form names, as a service declares them (``named_persons``), and how they are compared with the
population registry (``eservices.person_checks``)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from eservices import person_checks
from eservices.models import OnlineService
from procedures.models import AdministrativeUnit
from tests.eservices import factories
from tests.identity import factories as identity_factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def family(db):
    factories.catalogue()
    return identity_factories.family(AdministrativeUnit.objects.get(code="00004"))


def test_an_administrator_cannot_declare_a_person_on_a_field_the_form_lacks(family):
    service = OnlineService.objects.get(slug="dang-ky-khai-tu")
    service.named_persons = [{"role": "deceased", "id_number": "deceased_number"}]
    with pytest.raises(ValidationError) as refused:
        service.full_clean()
    assert "deceased_number" in str(refused.value.message_dict["named_persons"])
    service.named_persons = [{"role": "neighbour", "id_number": "deceased_id_number"}]
    with pytest.raises(ValidationError):
        service.full_clean()


def test_names_are_compared_as_people_write_them_but_the_accents_count(family):
    service = OnlineService.objects.get(slug="dang-ky-khai-tu")
    mother = family["mother"]

    def problems(name):
        data = {"deceased_name": name, "deceased_id_number": mother.id_number, "relationship": "other"}
        return person_checks.problems(service, data, applicant_id_number=family["father"].id_number)

    assert problems("  phạm   THỊ mẹ ") == []
    assert [field for field, _message in problems("Pham Thi Me")] == ["deceased_name"]


def test_a_child_is_the_childs_parent_where_the_registry_records_the_parent(family):
    """Saying "the deceased was my father" is refused when the registry names another father, never saying whom."""
    service = OnlineService.objects.get(slug="dang-ky-khai-tu")
    father, mother = family["father"], family["mother"]
    child = identity_factories.PersonFactory(
        serial=31, full_name="Lê Văn Con", birth_date=datetime.date(2015, 1, 2), father=father
    )
    other_man = identity_factories.PersonFactory(
        serial=32, full_name="Đỗ Văn Khác", birth_date=datetime.date(1960, 1, 1)
    )

    def problems(deceased):
        data = {"deceased_name": deceased.full_name, "deceased_id_number": deceased.id_number, "relationship": "child"}
        return person_checks.problems(service, data, applicant_id_number=child.id_number)

    assert problems(father) == []
    assert [field for field, _message in problems(other_man)] == ["relationship"]
    assert problems(mother) == []  # no mother recorded: nothing contradicts it


def test_the_persons_a_filing_names_and_who_of_them_is_told(family):
    bundle = factories.IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    data = {
        "other_parent_name": "Phạm Thị Mẹ",
        "other_parent_id_number": family["mother"].id_number,
        "child_birth_date": "2026-11-01",
    }
    assert person_checks.named_persons(bundle, data) == [
        person_checks.NamedPerson(
            role="other_parent", id_number=family["mother"].id_number, name="Phạm Thị Mẹ", notify=True
        )
    ]


def test_the_demo_services_declare_the_persons_their_forms_name():
    """The demo's declarations name fields their forms have (seed_demo writes them without the admin's checks)."""
    from demo import online_services as demo

    declared = {}
    for item in demo.SERVICES + demo.BUNDLES:
        schema, _ui = item.get("form") or demo.SIMPLE_FORM
        person_checks.check_declaration(item.get("named_persons", []), schema["properties"])
        declared[item["slug"]] = sorted(spec["role"] for spec in item.get("named_persons", []))
    assert declared["lien-thong-khai-sinh"] == ["child", "other_parent"]
    assert declared["dang-ky-khai-sinh"] == ["other_parent"]
    assert declared["dang-ky-khai-tu"] == declared["lien-thong-khai-tu"] == ["deceased"]
    assert declared["dang-ky-ket-hon"] == ["spouse"]
