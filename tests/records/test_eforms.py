"""E-form definitions are validated on save, and administrators preview them live."""

import copy
import html
import re

import pytest
from django.core.exceptions import ValidationError

from eservices.eforms import EForm, check_definition
from eservices.models import IntegratedService, OnlineService
from tests.eservices.factories import service_spec

pytestmark = pytest.mark.django_db

SCHEMA = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 5}}, "required": ["name"]}


@pytest.mark.parametrize(
    ("schema", "ui", "message"),
    [
        ({"type": "object", "properties": {"a": {"type": "strng"}}}, {}, "Lược đồ JSON không hợp lệ"),
        ({"type": "array"}, {}, "type: object"),
        ({"type": "object", "properties": {"a": {"type": "array"}}}, {}, "chưa được hỗ trợ"),
        (SCHEMA, {"fields": {"ghost": {}}}, "“ghost”"),
        (SCHEMA, {"fields": {"name": {"widget": "slider"}}}, "slider"),
        (SCHEMA, {"fields": {"name": {"show_if": {"field": "nope", "equals": 1}}}}, "không tồn tại"),
        ({**SCHEMA, "required": ["missing"]}, {}, "missing"),
    ],
)
def test_broken_definitions_are_refused_with_a_reason(schema, ui, message):
    with pytest.raises(ValidationError) as error:
        check_definition(schema, ui)
    assert message in " ".join(error.value.messages)


def test_model_clean_refuses_a_prefill_for_an_unknown_field(catalogue):
    service = OnlineService.objects.get(slug="dang-ky-thuong-tru")
    service.prefill_map = {**service.prefill_map, "ghost": "name"}
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "ghost" in str(error.value)


# What demo/online_services.py defines: update with it.
DEMO_SERVICES, DEMO_BUNDLES = 9, 2


def check_demo_definitions():
    """Load the demo's online services and bundles as seed_demo does (with the procedures they need), then check
    each: its e-form (``check_definition``) and the model's other rules (prefill and suggestions, questions).
    Raises ValidationError on the first problem; returns the services and bundles checked."""
    from demo import catalogue as demo_catalogue
    from demo import online_services as demo_services

    demo_catalogue.seed(only={item["code"] for item in demo_services.SERVICES})
    demo_services.seed()
    services, bundles = list(OnlineService.objects.all()), list(IntegratedService.objects.all())
    for definition in services + bundles:
        check_definition(definition.form_schema, definition.form_ui)
        definition.full_clean()
    return services, bundles


def test_every_demo_definition_is_valid():
    from demo import online_services as demo_services

    services, bundles = check_demo_definitions()
    assert len(services) == len(demo_services.SERVICES) == DEMO_SERVICES
    assert len(bundles) == len(demo_services.BUNDLES) == DEMO_BUNDLES
    for bundle in bundles:
        assert bundle.members.count() == len(demo_services.bundle_spec(bundle.slug)["members"]), bundle.slug


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda spec: spec["form"][1]["fields"].update(ghost={"label": "Ma"}), "“ghost”"),
        (lambda spec: spec["form"][0]["properties"]["reason"].update(type="strng"), "Lược đồ JSON không hợp lệ"),
        (lambda spec: spec["prefill"].update(ghost="name"), "ghost"),
    ],
    ids=["ui-names-an-unknown-field", "invalid-schema", "prefill-of-an-unknown-field"],
)
def test_the_demo_check_finds_a_broken_definition(monkeypatch, break_it, message):
    from demo import online_services as demo_services

    broken = copy.deepcopy(demo_services.service_spec("cap-doi-giay-phep-lai-xe"))
    break_it(broken)
    services = [broken if item["slug"] == broken["slug"] else item for item in demo_services.SERVICES]
    monkeypatch.setattr(demo_services, "SERVICES", services)
    with pytest.raises(ValidationError) as error:
        check_demo_definitions()
    assert message in str(error.value)


def test_schema_rules_are_enforced_beyond_the_html_fields():
    form = EForm({"name": "quá dài rồi"}, schema=SCHEMA, ui={})
    assert not form.is_valid()
    schema, ui = service_spec("cap-doi-giay-phep-lai-xe")["form"]
    form = EForm(
        {
            "full_name": "A",
            "id_number": "12345",
            "birth_date": "1990-01-01",
            "licence_number": "1",
            "licence_class": "B",
            "reason": "expired",
            "delivery": "online",
        },
        schema=schema,
        ui=ui,
    )
    assert not form.is_valid()
    assert "id_number" in form.errors and "licence_number" in form.errors


def test_rendered_form_is_accessible():
    schema, ui = service_spec("cap-doi-giay-phep-lai-xe")["form"]
    from django.template.loader import render_to_string

    html = render_to_string("includes/eform.html", {"form": EForm(schema=schema, ui=ui), "prefilled": {}})
    assert html.count("<fieldset") >= 3 and "<legend>Người nộp hồ sơ</legend>" in html
    assert '<label for="id_full_name">' in html
    assert 'type="date"' in html


def test_admin_preview_renders_the_form_as_typed(client, django_user_model, catalogue):
    from tests.staff import STAFF_PASSWORD, login_with_totp

    admin = django_user_model.objects.create_superuser("qt", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    login_with_totp(client, admin)
    import json

    response = client.post(
        "/admin/services/onlineservice/preview/",
        {"form_schema": json.dumps(SCHEMA), "form_ui": json.dumps({"fields": {"name": {"label": {"vi": "Họ tên"}}}})},
    )
    assert response.status_code == 200
    # Prefixed, so that a field named like one of the service's own is never taken for it.
    assert '<label for="id_preview-name">Họ tên' in response.content.decode()
    broken = client.post("/admin/services/onlineservice/preview/", {"form_schema": "{", "form_ui": "{}"})
    assert broken.status_code == 400
    escaped = client.post(
        "/admin/services/onlineservice/preview/",
        {"form_schema": json.dumps({"type": "object", "properties": "<img src=x onerror=alert(1)>"}), "form_ui": "{}"},
    )
    assert escaped.status_code == 400 and "<img" not in escaped.content.decode()
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    page = client.get(f"/admin/services/onlineservice/{service.pk}/change/").content.decode()
    assert 'id="eform-preview"' in page and "/admin/services/onlineservice/preview/" in page
    # The saved form is previewed at once (no JavaScript needed), after the admin's own form, not inside it.
    preview_at = page.index('id="eform-preview"')
    assert page.index("</form>") < preview_at
    # In its frame, as the citizen's whole page: the portal's styling, the registry's data as the citizen reads it.
    frame = html.unescape(re.search(r'<iframe id="eform-preview-frame"[^>]*srcdoc="([^"]*)"', page).group(1))
    assert 'for="id_preview-change_details"' in frame and "/static/css/portal.css" in frame
    assert '<p class="prefilled-value" aria-labelledby="id_preview-full_name_label">Nguyễn Thị Mẫu</p>' in frame
    assert 'aria-labelledby="id_preview-licence_number_label">012345678901</p>' in frame  # from the wallet


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_trying_the_preview_then_saving_changes_nothing_else_of_the_service(page, live_server, catalogue):
    """The preview's fields (one is called ``delivery``, like the service's own) are never saved with it."""
    from django.conf import settings
    from django.test import Client

    from identity.models import User
    from tests.staff import totp_session

    admin = User.objects.create_superuser("qt", "qt@example.vn", "Quan-tri-2026!", kind="admin")
    cookie = totp_session(Client(), admin).cookies[settings.SESSION_COOKIE_NAME]
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    before = (service.name, service.delivery, service.form_schema)
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/services/onlineservice/{service.pk}/change/")
    preview = page.frame_locator("#eform-preview-frame")
    preview.get_by_label("Qua dịch vụ bưu chính").check()
    preview.get_by_label("Thông tin thay đổi").fill("Thử xem trước")  # the licence number is prefilled there
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.locator("#content").inner_text()[:1500]
    service.refresh_from_db()
    assert (service.name, service.delivery, service.form_schema) == before


def test_filing_for_someone_else_gives_one_message_per_field():
    """A name too long, or an ID number far too long, is told so once, not also "enter a name" or "0 characters"."""
    from records.forms import ApplicantForm

    form = ApplicantForm(
        {"applicant_role": "representative", "subject_name": "A" * 300, "subject_id_number": "1" * 50},
    )
    assert not form.is_valid()
    assert len(form.errors["subject_name"]) == 1 and len(form.errors["subject_id_number"]) == 1
    assert "relationship" in form.errors  # still asked for: it was not given
    empty = ApplicantForm({"applicant_role": "representative"})
    assert not empty.is_valid()
    assert [str(m) for m in empty.errors["subject_name"]] == ["Hãy nhập tên người hoặc doanh nghiệp bạn nộp thay."]


def test_a_checkbox_shows_its_help_and_unplaced_fields_are_not_an_unnamed_group():
    from django.template.loader import render_to_string

    schema = {
        "type": "object",
        "properties": {
            "agree": {"type": "boolean", "title": "Đồng ý công khai", "description": "Tên doanh nghiệp được công khai."}
        },
    }
    html = render_to_string("includes/eform.html", {"form": EForm(schema=schema, ui={}), "prefilled": {}})
    assert '<p class="hint" id="id_agree_helptext">Tên doanh nghiệp được công khai.</p>' in html
    assert 'aria-describedby="id_agree_helptext"' in html
    assert "<fieldset" not in html  # no legend, no group: a screen reader would announce an unnamed one


def test_a_conditional_field_says_when_it_applies():
    from django.template.loader import render_to_string

    schema, ui = service_spec("cap-doi-giay-phep-lai-xe")["form"]
    html = render_to_string("includes/eform.html", {"form": EForm(schema=schema, ui=ui), "prefilled": {}})
    assert "Chỉ điền khi chọn “Qua dịch vụ bưu chính” ở mục “" in html
    assert 'aria-describedby="id_postal_address_helptext"' in html
