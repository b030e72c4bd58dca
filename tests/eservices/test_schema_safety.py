"""An e-form definition reaches nothing outside itself and cannot make checking a form slow (issue #15 item 17).

Findings of a security review: a ``$ref`` to an address in a service's schema was fetched by the server at every
validation, with no timeout (a host that never answers held the request past 45 s; any address the server can
reach could be asked); a ``pattern`` like ``^(a+)+$`` doubled its time with each character typed (1.2 s at 25,
``maxLength`` allowed 1,000); a definition nested thousands deep answered 500 when an administrator saved it.
"""

import json
import multiprocessing
import socket
import threading

import pytest
from django.core.exceptions import ValidationError

from eservices import eforms
from eservices.eforms import EForm, check_definition, validate_data
from eservices.models import OnlineService

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    from tests.eservices.factories import catalogue

    return catalogue()


UNUSABLE = "Biểu mẫu điện tử của dịch vụ này đang được cơ quan cập nhật nên chưa kiểm tra được tờ khai."


@pytest.fixture
def silent_server():
    """A real server on this machine that accepts connections and never answers; it counts them and, so that
    nothing waits on it for ever, closes each after 5 seconds."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            accepted.append(connection)
            threading.Timer(5, connection.close).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/schema.json", accepted
    stop.set()
    thread.join(2)
    listener.close()
    for connection in accepted:
        connection.close()


def schema_with(**spec) -> dict:
    return {"type": "object", "properties": {"code": {"type": "string", **spec}}, "required": ["code"]}


def test_a_remote_ref_is_refused_when_the_definition_is_saved(silent_server):
    address, accepted = silent_server
    with pytest.raises(ValidationError) as refused:
        check_definition(schema_with(**{"$ref": address}), {})
    assert f"Lược đồ tham chiếu tới “{address}” bên ngoài biểu mẫu" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="bên ngoài biểu mẫu"):
        check_definition({**schema_with(), "$defs": {"a": {"$dynamicRef": "https://example.vn/x#a"}}}, {})
    assert accepted == []


def test_a_remote_ref_already_saved_is_never_fetched_and_the_citizen_is_told(silent_server, catalogue):
    """A definition saved before these checks: validating against it connects nowhere, and says why it stopped."""
    address, accepted = silent_server
    schema = schema_with(**{"$ref": address})

    [message] = validate_data(schema, {"code": "x"})
    assert message.startswith(UNUSABLE) and "Những gì bạn đã nhập vẫn được giữ" in message
    form = EForm({"code": "x"}, schema=schema, ui={})
    assert not form.is_valid() and form.non_field_errors() == [message]
    assert accepted == []  # not even a connection


def test_refs_inside_the_definition_still_work():
    schema = {
        "type": "object",
        "$defs": {"digits": {"type": "string", "pattern": r"^\d{12}$"}},
        "properties": {"id_number": {"$ref": "#/$defs/digits", "type": "string"}},
    }
    check_definition(schema, {})
    assert validate_data(schema, {"id_number": "001092100037"}) == []
    assert validate_data(schema, {"id_number": "123"}) == ["id_number: Gồm đúng 12 chữ số, không có dấu cách."]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"^(a)\1$", "invalid escape sequence"),
        (r"^(?=a)a+$", "invalid perl operator: (?="),
        (r"^(?<!b)a+$", "invalid perl operator: (?<"),
        ("^((a{100}){100}){100}$", "bad repetition operator"),
    ],
)
def test_a_pattern_that_cannot_run_in_linear_time_is_refused_when_saved(pattern, reason):
    with pytest.raises(ValidationError) as refused:
        check_definition(schema_with(pattern=pattern), {})
    message = refused.value.messages[0]
    assert message.startswith(f"Mẫu (pattern) “{pattern}” không dùng được: ")
    assert "tham chiếu ngược" in message


def test_patterns_run_on_a_linear_time_engine():
    """``^(a+)+$`` is a fine pattern for RE2, which answers at once for any length; Python's ``re`` took 1.2 s at 25
    characters, doubling with each one more. Digits are ASCII digits, as in JSON Schema's patterns (ECMA-262):
    Python's ``re`` took Arabic-Indic digits for an ID number's."""
    id_number = schema_with(pattern=r"^\d{12}$")
    assert validate_data(id_number, {"code": "٠٠١٠٩٢١٠٠٠٣٧"}) == ["code: Gồm đúng 12 chữ số, không có dấu cách."]
    assert validate_data(id_number, {"code": "001092100037"}) == []

    nested = schema_with(pattern="^(a+)+$", maxLength=1000)
    check_definition(nested, {})
    # In a child process, so that a pattern engine that never ends (``re`` holds the interpreter while it
    # matches) fails this test instead of hanging the run: a hang guard, not a timing.
    context = multiprocessing.get_context("fork")
    answers = context.Queue()
    child = context.Process(target=lambda: answers.put(validate_data(nested, {"code": "a" * 999 + "!"})))
    child.start()
    child.join(60)
    if child.is_alive():
        child.kill()
    assert answers.get(timeout=1) == ["code: Giá trị không đúng định dạng."]


def test_pattern_properties_are_refused_they_would_run_on_python_re():
    with pytest.raises(ValidationError, match="“patternProperties”, không được hỗ trợ"):
        check_definition({**schema_with(), "patternProperties": {"^(a+)+$": {"type": "string"}}}, {})


def deep(depth: int) -> dict:
    spec = {"type": "string"}
    for _level in range(depth):
        spec = {"allOf": [spec]}
    return spec


def test_definitions_too_deep_or_too_large_are_refused_with_a_message():
    with pytest.raises(ValidationError, match=r"lồng nhau quá sâu \(tối đa 16 cấp\)"):
        check_definition({"type": "object", "properties": {"a": {"type": "string", **deep(10)}}}, {})
    with pytest.raises(ValidationError, match=r"lồng nhau quá sâu"):
        check_definition(schema_with(), {"fields": {"code": {"help": deep(20)}}})
    many = {f"field_{n}": {"type": "string", "description": "x" * 100} for n in range(2_000)}
    with pytest.raises(ValidationError, match=r"Định nghĩa biểu mẫu quá lớn \(.* ký tự, tối đa 200.000\)"):
        check_definition({"type": "object", "properties": many}, {})


def test_an_administrator_saving_a_definition_nested_50000_deep_gets_a_message_not_a_500(admin_client, catalogue):
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    url = f"/admin/services/onlineservice/{service.pk}/change/"
    page = admin_client.get(url)
    form = page.context["adminform"].form
    post = {
        name: (json.dumps(value) if isinstance(value, dict | list) else value)
        for name, value in {**form.initial, **{f: form[f].value() for f in form.fields}}.items()
        if value is not None
    }
    post.update(_inline_management(page))
    too_deep = "[" * 50_000 + "]" * 50_000
    response = admin_client.post(url, {**post, "form_schema": too_deep})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["form_schema"] == ["Dữ liệu JSON lồng nhau quá sâu (tối đa 32 cấp)."]
    assert too_deep in response.content.decode()  # kept as typed

    remote = json.dumps(schema_with(**{"$ref": "http://169.254.169.254/latest/meta-data/"}))
    response = admin_client.post(url, {**post, "form_schema": remote})
    assert response.status_code == 200
    assert "bên ngoài biểu mẫu" in " ".join(response.context["adminform"].form.errors["form_schema"])
    service.refresh_from_db()
    assert "$ref" not in json.dumps(service.form_schema)

    preview = admin_client.post("/admin/services/onlineservice/preview/", {"form_schema": too_deep, "form_ui": "{}"})
    assert preview.status_code == 400 and "lồng nhau quá sâu" in preview.content.decode()


def _inline_management(page) -> dict:
    """The management forms of the change page's inlines, as the browser posts them."""
    data = {}
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None:
                    data[inline_form.add_prefix(name)] = value
    return data


def test_every_demo_definition_passes_the_new_checks(catalogue):
    for service in OnlineService.objects.all():
        check_definition(service.form_schema, service.form_ui)
    assert eforms.MAX_DEFINITION_DEPTH == 16


def test_formats_are_checked_but_no_text_is_compiled_as_a_regular_expression():
    """``format: regex`` would compile what a citizen types with Python's ``re``; the other formats still apply."""
    schema = {
        "type": "object",
        "properties": {
            "expression": {"type": "string", "format": "regex"},
            "email": {"type": "string", "format": "email"},
        },
    }
    assert validate_data(schema, {"expression": "(((", "email": "an@example.vn"}) == []
    assert validate_data(schema, {"email": "khong-phai-thu"}) == ["email: Địa chỉ thư điện tử không hợp lệ."]
