"""A new procedure version carries its online services and integrated bundles along (issue #17 item 2).

Version 2 of "Đăng ký khai tử" gives 3 working days instead of 1 and asks for one more paper: a filing made after
it is in force must be made under it (3 days, the new paper list), or be held until an administrator has reviewed
the e-form, with a message saying so; a record filed before keeps the version it was filed under.
"""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from eservices import versioning
from eservices.models import IntegratedService, OnlineService
from procedures import services as procedures_services
from procedures.models import DocumentComponent, Procedure, ProcedureVersion
from records import deadlines
from records import services as records_services
from records.constants import RecordState
from records.models import Record
from records.rules import days_to_result, missing_components, needs_no_file
from tests.eservices import factories
from tests.identity import factories as identity_factories
from tests.records.conftest import filled_draft, login

pytestmark = pytest.mark.django_db

DEATH = "1.000656"  # Đăng ký khai tử: 1 working day in the tests' catalogue
RESIDENCE = "1.004194"  # Đăng ký thường trú: 7 working days, a simple e-form and no upload
NEW_PAPER = "Văn bản ủy quyền có chứng thực (khi người đi đăng ký không phải là thân nhân)"


@pytest.fixture
def catalogue(db):
    return factories.catalogue()


@pytest.fixture
def father(catalogue):
    from procedures.models import AdministrativeUnit

    family = identity_factories.family(AdministrativeUnit.objects.get(code="00004"))
    person = family["father"]
    person.user = identity_factories.citizen_account(person)
    return person


def second_version(code, *, days, new_paper=None, **changes) -> ProcedureVersion:
    """A draft copied from the procedure's current version with ``days`` and, if given, one more required paper."""
    draft = procedures_services.create_draft(Procedure.objects.get(code=code))
    ProcedureVersion.objects.filter(pk=draft.pk).update(processing_days=days, **changes)
    if new_paper:
        DocumentComponent.objects.create(version=draft, order=20, name=new_paper, mandatory=True)
    return ProcedureVersion.objects.get(pk=draft.pk)


def start(service_slug, person):
    return records_services.start_draft(
        service=OnlineService.objects.get(slug=service_slug),
        applicant=person.user,
        applicant_id_number=person.id_number,
        applicant_name=person.full_name,
    )


def test_a_filing_after_a_new_version_gets_its_time_limit_and_papers_or_is_held(catalogue, father):
    """The defect as the issue found it: the new filing got the 1-day limit and the old paper list."""
    v2 = second_version(DEATH, days=3, new_paper=NEW_PAPER)
    procedures_services.publish_version(v2)

    try:
        record = start("dang-ky-khai-tu", father)
    except ValidationError as error:
        assert "tạm ngừng nhận hồ sơ trực tuyến" in " ".join(error.messages)
    else:
        assert record.procedure_version_id == v2.pk
        assert days_to_result(record) == 3
        assert NEW_PAPER in [c.name for c in missing_components(record)]


def test_a_new_required_paper_holds_the_service_until_it_is_reviewed(catalogue, father, client):
    v1 = Procedure.objects.get(code=DEATH).current_version
    v2 = second_version(DEATH, days=3, new_paper=NEW_PAPER)
    publication = procedures_services.publish(v2)

    service = OnlineService.objects.get(slug="dang-ky-khai-tu")
    assert service.version_id == v2.pk
    assert service.is_held
    # The form component and the registry replacement now point at the new version's own papers.
    assert service.form_component.version_id == v2.pk
    assert {r.component.version_id for r in service.replacements.all()} == {v2.pk}
    # Publication tells the administrator which service must be reviewed, and why.
    notice = " ".join(map(str, publication.notices))
    assert service.name in notice and NEW_PAPER in notice and "1 → 3" in notice

    with pytest.raises(ValidationError) as error:
        start("dang-ky-khai-tu", father)
    assert "tạm ngừng nhận hồ sơ trực tuyến" in " ".join(error.value.messages)
    # The citizen reads why on the service's page, in Vietnamese and in English, with no button to file.
    # The bundle the service belongs to is held too.
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-tu")
    assert "tạm ngừng nhận hồ sơ trực tuyến" in bundle.filing_hold_message
    login(client, father.user)
    assert "tạm ngừng nhận hồ sơ trực tuyến" in client.get(bundle.get_absolute_url()).content.decode()
    page = client.get(service.get_absolute_url()).content.decode()
    assert "tạm ngừng nhận hồ sơ trực tuyến" in page and "Nộp hồ sơ trực tuyến</button>" not in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(service.get_absolute_url()).content.decode()
    assert "not taking online filings" in page
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    translation.activate("vi")
    # A filing through the API is refused with the same words, and nothing is kept.
    response = client.post("/api/v1/records/", {"service": "dang-ky-khai-tu", "data": "{}"})
    assert response.status_code == 400
    assert "tạm ngừng nhận hồ sơ trực tuyến" in response.json()["service"][0]
    assert not Record.objects.filter(applicant=father.user).exists()

    versioning.mark_reviewed(service)
    record = start("dang-ky-khai-tu", father)
    assert record.procedure_version_id == v2.pk != v1.pk
    assert days_to_result(record) == 3
    assert NEW_PAPER in [c.name for c in missing_components(record)]
    assert not IntegratedService.objects.get(slug="lien-thong-khai-tu").filing_hold_message


def test_a_new_time_limit_alone_moves_the_service_and_a_filed_record_keeps_its_version(catalogue, father):
    v1 = Procedure.objects.get(code=RESIDENCE).current_version
    before = filled_draft(father.user, father)
    before = records_services.submit(before, actor=father.user)
    promised = before.expected_result_date
    started = filled_draft(father.user, father)  # a draft, not filed yet: it will be filed under the new version

    v2 = second_version(RESIDENCE, days=3)
    publication = procedures_services.publish(v2)
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    assert service.version_id == v2.pk and not service.is_held
    assert "7 → 3" in " ".join(map(str, publication.notices))

    before.refresh_from_db()
    assert before.procedure_version_id == v1.pk and before.expected_result_date == promised
    assert before.state == RecordState.SUBMITTED
    # Its papers read as they were filed: its e-form and the registry still stand in for the old version's papers
    # (asked for a supplement, the citizen is not asked to upload them).
    assert missing_components(before) == []
    declaration = v1.components.get(name=OnlineService.objects.get(slug="dang-ky-thuong-tru").form_component.name)
    assert needs_no_file(before, declaration)

    after = records_services.submit(filled_draft(father.user, father), actor=father.user)
    assert after.procedure_version_id == v2.pk
    now = timezone.now()
    assert after.expected_result_date == deadlines.due_date(deadlines.filing_day(now, after.agency), 3)
    started.refresh_from_db()
    assert started.procedure_version_id == v2.pk
    started = records_services.submit(started, actor=father.user)
    assert started.expected_result_date == after.expected_result_date


def test_a_version_taking_effect_later_moves_the_service_on_its_effective_date(catalogue, father):
    v1 = Procedure.objects.get(code=RESIDENCE).current_version
    v2 = second_version(RESIDENCE, days=3)
    on = timezone.localdate() + datetime.timedelta(days=10)
    publication = procedures_services.publish(v2, effective_from=on)
    # Said at publication: what will move on that date.
    said = " ".join(map(str, publication.notices))
    assert "Đăng ký thường trú" in said and on.strftime("%d/%m/%Y") in said
    assert OnlineService.objects.get(slug="dang-ky-thuong-tru").version_id == v1.pk

    assert procedures_services.activate_due_versions(on=on) == 1
    assert OnlineService.objects.get(slug="dang-ky-thuong-tru").version_id == v2.pk
    v1.refresh_from_db()
    assert v1.superseded_on == on


def test_the_administrator_reads_what_to_review_and_marks_it_reviewed(catalogue, admin_client):
    v2 = second_version(DEATH, days=3, new_paper=NEW_PAPER)
    response = admin_client.post(
        "/admin/procedures/procedureversion/", {"action": "publish", "_selected_action": [v2.pk]}, follow=True
    )
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Đăng ký khai tử" in said and NEW_PAPER in said and "rà soát" in said
    page = response.content.decode()
    assert NEW_PAPER in page  # the messages are on the page the administrator lands on

    service = OnlineService.objects.get(slug="dang-ky-khai-tu")
    page = admin_client.get(f"/admin/services/onlineservice/{service.pk}/change/").content.decode()
    assert NEW_PAPER in page  # what to review is on the service's own page too
    listing = admin_client.get("/admin/services/onlineservice/?held=yes").content.decode()
    assert "dang-ky-khai-tu" in listing and "dang-ky-thuong-tru" not in listing

    response = admin_client.post(
        "/admin/services/onlineservice/",
        {"action": "mark_reviewed", "_selected_action": [service.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not OnlineService.objects.get(pk=service.pk).is_held


def test_an_old_version_reads_no_longer_in_force_with_its_date(catalogue, admin_client, client):
    v1 = Procedure.objects.get(code=RESIDENCE).current_version
    v2 = second_version(RESIDENCE, days=3)
    procedures_services.publish_version(v2)
    today = timezone.localdate().strftime("%d/%m/%Y")

    listing = admin_client.get(f"/admin/procedures/procedureversion/?q={RESIDENCE}").content.decode()
    assert f"Hết hiệu lực từ {today}" in listing
    superseded = admin_client.get("/admin/procedures/procedureversion/?in_force=superseded").context["cl"].result_list
    assert list(superseded) == [v1]
    current = admin_client.get("/admin/procedures/procedureversion/?in_force=current").context["cl"].result_list
    assert v2 in current and v1 not in current
    page = admin_client.get(f"/admin/procedures/procedureversion/{v1.pk}/change/").content.decode()
    assert f"Hết hiệu lực từ {today}" in page
    page = client.get(v1.get_absolute_url()).content.decode()
    assert f"hết hiệu lực từ {today}" in page.lower()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get(v1.get_absolute_url()).content.decode()
    assert f"no longer in force since {today}" in page.lower()


def test_a_changed_declaration_form_holds_the_service_and_a_changed_time_limit_holds_the_bundle_that_sets_its_own(
    catalogue,
):
    # The birth bundle gives the residence registration 3 working days of its own (its procedure has 7).
    v2 = second_version(RESIDENCE, days=5)
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    DocumentComponent.objects.filter(version=v2, name=service.form_component.name).update(
        template_name="Mẫu CT01 ban hành kèm theo Thông tư 66/2023/TT-BCA (sửa đổi 2026)"
    )
    said = " ".join(map(str, procedures_services.publish(v2).notices))

    service = OnlineService.objects.get(pk=service.pk)
    assert service.is_held and "mẫu tờ khai" in " ".join(service.review_notes)
    bundle = IntegratedService.objects.get(slug="lien-thong-khai-sinh")
    assert bundle.is_held
    assert "3 ngày làm việc, đặt khi thời hạn của thủ tục là 7 ngày; phiên bản mới: 5 ngày" in bundle.review_notes[0]
    assert "Thông tư 66/2023/TT-BCA (sửa đổi 2026)" in said and "Liên thông đăng ký khai sinh" in said
    # Reviewing the service alone does not reopen the bundle: its own time limit is still to be looked at.
    versioning.mark_reviewed(service)
    assert IntegratedService.objects.get(pk=bundle.pk).filing_hold_message
