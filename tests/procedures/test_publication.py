"""Publishing, versioning and retiring procedures."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from procedures import services
from procedures.models import DocumentComponent, Fee, ImmutableVersionError, Procedure

from . import factories

pytestmark = pytest.mark.django_db


def test_publishing_makes_the_version_current_and_searchable():
    version = factories.published(name="Cấp đổi giấy phép lái xe")
    procedure = Procedure.objects.get(pk=version.procedure_id)
    assert procedure.current_version == version
    assert procedure.name == "Cấp đổi giấy phép lái xe"
    assert procedure.search_name == "cap doi giay phep lai xe"
    assert version.published_at is not None


@pytest.mark.parametrize(
    ("change", "missing"),
    [
        (lambda v: DocumentComponent.objects.filter(version=v).delete(), "thành phần hồ sơ"),
        (lambda v: type(v).objects.filter(pk=v.pk).update(processing_days=None), "thời hạn giải quyết"),
        (lambda v: v.agencies.clear(), "cơ quan thực hiện"),
    ],
)
def test_publishing_an_incomplete_procedure_says_what_is_missing(change, missing):
    version = factories.draft()
    change(version)
    with pytest.raises(ValidationError) as error:
        services.publish_version(version)
    assert missing in error.value.messages[0]
    version.refresh_from_db()
    assert not version.is_published
    assert Procedure.objects.get(pk=version.procedure_id).current_version is None


def test_publishing_lists_every_missing_part_at_once():
    version = factories.draft(components=0, agencies=[], days=None)
    with pytest.raises(ValidationError) as error:
        services.publish_version(version)
    message = error.value.messages[0]
    for part in ("thành phần hồ sơ", "thời hạn giải quyết", "cơ quan thực hiện"):
        assert part in message


def test_published_version_and_its_parts_cannot_be_changed():
    version = factories.published(fee=50_000)
    version.name = "Tên khác"
    with pytest.raises(ImmutableVersionError):
        version.save()
    fee = Fee.objects.get(version=version)
    fee.amount = 1
    with pytest.raises(ImmutableVersionError):
        fee.save()
    with pytest.raises(ImmutableVersionError):
        DocumentComponent.objects.filter(version=version).first().delete()
    assert Fee.objects.get(pk=fee.pk).amount == 50_000


def test_new_version_replaces_the_current_one_and_the_old_stays_readable():
    first = factories.published(name="Đăng ký khai sinh", fee=10_000)
    procedure = first.procedure
    draft = services.create_draft(procedure)
    assert draft.number == 2
    assert draft.components.count() == first.components.count()
    assert draft.fees.get().amount == 10_000
    draft.name = "Đăng ký khai sinh (sửa đổi)"
    draft.save()
    Fee.objects.filter(version=draft).update(amount=0)
    services.publish_version(draft)

    procedure.refresh_from_db()
    assert procedure.current_version == draft
    first.refresh_from_db()
    assert first.name == "Đăng ký khai sinh"
    assert first.fees.get().amount == 10_000


def test_only_one_draft_at_a_time():
    version = factories.published()
    services.create_draft(version.procedure)
    with pytest.raises(ValidationError):
        services.create_draft(version.procedure)


def test_future_version_becomes_current_on_its_effective_date():
    first = factories.published(effective_from=timezone.localdate() - timedelta(days=30))
    procedure = first.procedure
    draft = services.create_draft(procedure)
    tomorrow = timezone.localdate() + timedelta(days=1)
    services.publish_version(draft, effective_from=tomorrow)
    procedure.refresh_from_db()
    assert procedure.current_version == first

    assert services.activate_due_versions(on=tomorrow) == 1
    procedure.refresh_from_db()
    assert procedure.current_version == draft
    assert services.activate_due_versions(on=tomorrow) == 0  # idempotent


def test_cannot_publish_twice():
    version = factories.published()
    with pytest.raises(ValidationError):
        services.publish_version(version)


def test_retired_procedure_is_hidden_from_search_but_keeps_its_page(client):
    version = factories.published(name="Cấp giấy phép karaoke")
    services.retire_procedure(version.procedure, note="Bãi bỏ theo Quyết định 123/QĐ-BVHTTDL")
    response = client.get("/api/v1/procedures/?q=karaoke")
    assert response.json()["count"] == 0
    page = client.get(f"/procedures/{version.procedure.code}/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Thủ tục này đã bị bãi bỏ" in content
    assert "Quyết định 123/QĐ-BVHTTDL" in content


def test_online_fee_amount():
    version = factories.draft()
    fixed = Fee(version=version, name="a", amount=135_000, online_amount=115_000)
    percent = Fee(version=version, name="b", amount=100_000, online_discount_percent=50)
    plain = Fee(version=version, name="c", amount=30_000)
    assert (fixed.amount_online, percent.amount_online, plain.amount_online) == (115_000, 50_000, 30_000)
    with pytest.raises(ValidationError):
        Fee(version=version, name="d", amount=10, online_amount=20).clean()


def test_procedure_code_format_is_validated():
    procedure = Procedure(code="1234")
    with pytest.raises(ValidationError) as error:
        procedure.full_clean()
    assert "1.001234" in str(error.value)
