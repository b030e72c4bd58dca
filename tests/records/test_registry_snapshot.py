"""The registry data a filing reads is kept between steps, and never outlives a change in the registry."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eservices import prefill
from identity.constants import EDocumentKind
from identity.models import EDocument, Person
from records import deadlines
from records.models import DayOff

from .test_filing import answer_eligibility, filing_url, start

pytestmark = pytest.mark.django_db


def registry_reads(id_number):
    with CaptureQueriesContext(connection) as queries:
        data = prefill.registry_data(id_number)
    return data, len(queries)


def test_the_steps_of_a_filing_read_the_registry_once(family):
    father = family["father"]
    data, first = registry_reads(father.id_number)
    assert first >= 1 and data["name"] == father.full_name
    again, second = registry_reads(father.id_number)
    assert second == 0 and again == data


def test_a_change_of_address_shows_on_the_next_page(client, citizen, family):
    base = filing_url(start(client))
    answer_eligibility(client, base)
    assert "Số 11 phố Đội Cấn" in client.get(base + "form/").content.decode()

    father = Person.objects.get(pk=family["father"].pk)
    father.permanent_address = "Số 99 phố Kim Mã"
    father.save()

    page = client.get(base + "form/").content.decode()
    assert "Số 99 phố Kim Mã" in page and "Số 11 phố Đội Cấn" not in page


def test_a_relative_renamed_shows_in_the_claims_of_the_family(family):
    father, mother = family["father"], family["mother"]
    assert prefill.registry_data(mother.id_number)["household"]["spouse"]["name"] == "Lê Văn Bố"
    father.full_name = "Lê Văn Cha"
    father.save()
    assert prefill.registry_data(mother.id_number)["household"]["spouse"]["name"] == "Lê Văn Cha"
    assert prefill.registry_data(mother.id_number)["household"]["head"]["name"] == "Lê Văn Cha"


def test_a_person_removed_from_the_registry_is_no_longer_known(family):
    father, mother = family["father"], family["mother"]
    assert prefill.registry_data(father.id_number) is not None
    assert prefill.registry_data(mother.id_number)["household"]["spouse"] is not None
    Person.objects.filter(pk=father.pk).delete()
    assert prefill.registry_data(father.id_number) is None
    assert prefill.registry_data(mother.id_number)["household"]["spouse"] is None


def test_a_new_wallet_document_and_a_new_household_head_show_at_once(family):
    father, mother = family["father"], family["mother"]
    assert [d["type"] for d in prefill.registry_data(father.id_number)["edocuments"]] == ["driving_licence"]
    EDocument.objects.create(person=father, kind=EDocumentKind.HEALTH_INSURANCE, number="DN4010123456789")
    assert {d["type"] for d in prefill.registry_data(father.id_number)["edocuments"]} == {
        "driving_licence",
        "health_insurance",
    }

    assert prefill.registry_data(father.id_number)["household"]["head"]["name"] == father.full_name
    household = father.household
    household.head = mother
    household.save()
    assert prefill.registry_data(father.id_number)["household"]["head"]["name"] == mother.full_name


def test_a_day_off_declared_moves_the_next_due_date(db):
    monday = datetime.date(2026, 3, 9)
    friday = datetime.date(2026, 3, 6)
    assert deadlines.due_date(friday, 1) == monday  # read and kept
    DayOff.objects.create(date=monday, note="Nghỉ bù")
    assert deadlines.due_date(friday, 1) == monday + datetime.timedelta(days=1)
    DayOff.objects.filter(date=monday).delete()  # a queryset delete sends post_delete per row too
    assert deadlines.due_date(friday, 1) == monday


def test_a_changed_id_number_drops_the_copy_made_under_the_old_one(family):
    from identity.validators import build_id_number

    father = Person.objects.get(pk=family["father"].pk)
    old_number = father.id_number
    assert prefill.registry_data(old_number)["name"] == father.full_name
    father.id_number = build_id_number("001", father.birth_date, father.sex, 99)
    father.save()
    assert prefill.registry_data(old_number) is None
    assert prefill.registry_data(father.id_number)["name"] == father.full_name


def test_a_renamed_unit_shows_in_every_address_at_once(family):
    from procedures.models import AdministrativeUnit

    father, mother = family["father"], family["mother"]
    for person in (father, mother):
        assert "Phường Ba Đình" in prefill.registry_data(person.id_number)["permanent_address"]["formatted"]
    unit = AdministrativeUnit.objects.get(code="00004")
    unit.name = "Phường Ba Đình Mới"
    unit.save()
    for person in (father, mother):
        assert "Phường Ba Đình Mới" in prefill.registry_data(person.id_number)["permanent_address"]["formatted"]


def test_a_wallet_document_moved_to_someone_else_leaves_the_first_holders_wallet(family):
    father, mother = family["father"], family["mother"]
    assert prefill.registry_data(father.id_number)["edocuments"]
    licence = EDocument.objects.get(person=father)
    licence.person = mother
    licence.save()
    assert prefill.registry_data(father.id_number)["edocuments"] == []
    assert prefill.registry_data(mother.id_number)["edocuments"][0]["number"] == licence.number


def test_the_cache_does_not_list_who_filed(family):
    from django.core.cache import cache

    father = family["father"]
    prefill.registry_data(father.id_number)
    keys = [key.decode() for key in cache._cache.get_client().keys("*registry*")]
    assert keys and not any(father.id_number in key for key in keys)
