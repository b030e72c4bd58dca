"""E-form definitions are validated on save, and administrators preview them live."""

import pytest
from django.core.exceptions import ValidationError

from services.demo import service_spec
from services.eforms import EForm, check_definition
from services.models import OnlineService

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


def test_every_demo_definition_is_valid(catalogue):
    for service in OnlineService.objects.all():
        service.full_clean()


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
    assert '<label for="id_name">Họ tên' in response.content.decode()
    broken = client.post("/admin/services/onlineservice/preview/", {"form_schema": "{", "form_ui": "{}"})
    assert broken.status_code == 400
    service = OnlineService.objects.first()
    page = client.get(f"/admin/services/onlineservice/{service.pk}/change/").content.decode()
    assert 'id="eform-preview"' in page and "/admin/services/onlineservice/preview/" in page
