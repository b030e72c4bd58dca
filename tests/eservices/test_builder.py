"""The e-form builder: forms in and out of it unchanged, what it writes for each kind of field, what it says when
something is wrong (in Vietnamese, naming the field), export and import, and who may use it."""

import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from demo import online_services as demo
from eservices import builder
from eservices.models import ComponentReplacement, OnlineService
from tests.eservices.factories import OnlineServiceFactory
from tests.staff import officer, totp_session

DEMO_FORMS = [
    (
        item["slug"],
        *(item.get("form") or demo.SIMPLE_FORM),
        item.get("prefill", demo.APPLICANT_PREFILL),
        item.get("suggest", {}),
    )
    for item in demo.SERVICES
] + [
    (
        item["slug"],
        *item["form"],
        {k: v for k, v in demo.APPLICANT_PREFILL.items() if k in item["form"][0]["properties"]},
        item.get("suggest", {}),
    )
    for item in demo.BUNDLES
]


@pytest.mark.parametrize(
    ("slug", "schema", "ui", "prefill_map", "suggest_map"), DEMO_FORMS, ids=[f[0] for f in DEMO_FORMS]
)
def test_every_demo_form_opens_in_the_builder_and_comes_back_unchanged(slug, schema, ui, prefill_map, suggest_map):
    state = builder.from_definition(schema, ui, prefill_map, suggest_map)
    assert builder.check(state) == ({}, [])
    # Through the page as a browser posts it, too: every value a string in f-<i>-<key>.
    posted = builder.from_post(_as_post(state))
    assert builder.to_definition(posted) == (schema, ui, prefill_map, suggest_map)
    # Key for key in one order: what the builder writes is what the JSON view and the export show.
    out_schema, out_ui, _p, _s = builder.to_definition(posted)
    assert json.dumps([out_schema, out_ui]) == json.dumps(list(builder.ordered(schema, ui)))


def _as_post(state: dict) -> dict:
    data = {"section_count": str(len(state["sections"])), "field_count": str(len(state["fields"])), **state["meta"]}
    for index, section in enumerate(state["sections"]):
        data.update({f"s-{index}-{key}": value for key, value in section.items()})
    for index, field in enumerate(state["fields"]):
        data.update({f"f-{index}-{key}": value for key, value in field.items() if value})
    return data


def _field(**values) -> dict:
    field = builder.new_field("0")
    field.update(values)
    return field


def _state(*fields, sections=(("Thông tin", "Details"),)) -> dict:
    return {
        "sections": [{"legend_vi": vi, "legend_en": en, "extra": ""} for vi, en in sections],
        "fields": list(fields),
        "meta": dict.fromkeys(builder.META_KEYS, "") | {"schema_extra": '{"additionalProperties": false}'},
    }


def test_each_kind_of_field_is_written_as_the_renderer_reads_it():
    state = _state(
        _field(
            label_vi="Họ tên",
            label_en="Full name",
            kind="text",
            required="on",
            prefill_mode="prefill",
            prefill_path="name",
        ),
        _field(label_vi="Số tiền đề nghị", kind="amount", minimum="1.000.000", maximum="500.000.000", required="on"),
        _field(label_vi="Ngày sự việc", kind="date", not_future="on"),
        _field(label_vi="Có con chung", kind="yesno"),
        _field(label_vi="Số con chung", kind="number", minimum="1", show_if="co_con_chung:true", required="on"),
        _field(
            label_vi="Cách nhận",
            kind="choice",
            choices="Trực tiếp | In person\nQua bưu điện | By post",
            choice_style="radio",
        ),
        _field(
            label_vi="Địa chỉ nhận", kind="text", multiline="on", max_length="300", show_if="cach_nhan:qua_buu_dien"
        ),
        _field(
            label_vi="Số điện thoại", kind="phone", max_length="15", prefill_mode="suggest", prefill_path="phone_number"
        ),
        _field(label_vi="Số định danh của vợ/chồng", kind="id_number"),
    )
    builder.fill_names(state)
    assert builder.check(state) == ({}, [])
    schema, ui, prefill_map, suggest_map = builder.to_definition(state)
    assert schema == {
        "type": "object",
        "properties": {
            "ho_ten": {"type": "string"},
            "so_tien_de_nghi": {"type": "integer", "minimum": 1000000, "maximum": 500000000},
            "ngay_su_viec": {"type": "string", "format": "date"},
            "co_con_chung": {"type": "boolean"},
            "so_con_chung": {"type": "integer", "minimum": 1},
            "cach_nhan": {"type": "string", "enum": ["truc_tiep", "qua_buu_dien"]},
            "dia_chi_nhan": {"type": "string", "maxLength": 300},
            "so_dien_thoai": {"type": "string", "maxLength": 15},
            "so_dinh_danh_cua_vo_chong": {"type": "string", "pattern": r"^\d{12}$"},
        },
        "required": ["ho_ten", "so_tien_de_nghi"],
        "additionalProperties": False,
    }
    assert ui["fieldsets"] == [{"legend": {"vi": "Thông tin", "en": "Details"}, "fields": list(schema["properties"])}]
    assert ui["fields"]["so_tien_de_nghi"] == {"label": {"vi": "Số tiền đề nghị"}, "widget": "amount"}
    assert ui["fields"]["ngay_su_viec"] == {"label": {"vi": "Ngày sự việc"}, "widget": "date", "not_future": True}
    # A yes/no condition compares with true itself: the renderer compares str(True) with str(equals).
    assert ui["fields"]["so_con_chung"]["show_if"] == {"field": "co_con_chung", "equals": True}
    assert ui["fields"]["so_con_chung"]["required_when_shown"] is True
    assert ui["fields"]["cach_nhan"]["choices"] == {
        "truc_tiep": {"vi": "Trực tiếp", "en": "In person"},
        "qua_buu_dien": {"vi": "Qua bưu điện", "en": "By post"},
    }
    assert ui["fields"]["dia_chi_nhan"]["widget"] == "textarea"
    assert ui["fields"]["so_dien_thoai"]["widget"] == "tel"
    assert prefill_map == {"ho_ten": "name"} and suggest_map == {"so_dien_thoai": "phone_number"}


def test_an_amount_is_asked_in_dong_and_read_with_grouping_dots():
    from eservices import eforms

    state = _state(_field(name="so_tien", label_vi="Số tiền", kind="amount", maximum="1.000.000", required="on"))
    schema, ui, _p, _s = builder.to_definition(state)
    form = eforms.EForm({"so_tien": "2.000.000"}, schema=schema, ui=ui)
    assert not form.is_valid()
    assert form.errors["so_tien"] == ["Không được lớn hơn 1.000.000."]
    assert "đồng" in form.fields["so_tien"].help_text
    ok = eforms.EForm({"so_tien": "500.000"}, schema=schema, ui=ui)
    assert ok.is_valid() and ok.as_json() == {"so_tien": 500000}


def test_what_is_wrong_is_said_in_vietnamese_beside_the_field_it_is_about():
    state = _state(
        _field(name="ho_ten", label_vi="Họ tên"),
        _field(name="ho_ten", label_vi="Tên khác"),
        _field(name="Số tiền", label_vi="Số tiền", kind="amount", minimum="10.000", maximum="5.000"),
        _field(name="ly_do", label_vi="Lý do", kind="choice", choices="Chỉ một lựa chọn"),
        _field(name="ghi_chu", label_vi="", show_if="da_xoa:co"),
        _field(name="so_gplx", label_vi="Số GPLX", replaces="7"),
        _field(name="ngay", label_vi="Ngày", kind="date", prefill_mode="prefill"),
    )
    errors, _general = builder.check(state)
    assert errors == {
        "f-1-name": "Trường “Tên khác”: mã “ho_ten” đã dùng cho trường “Họ tên”.",
        "f-2-name": "Trường “Số tiền”: mã trường chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu "
        "bằng chữ cái (ví dụ: ngay_sinh).",
        "f-2-maximum": "Trường “Số tiền”: giới hạn trên (5.000) nhỏ hơn giới hạn dưới (10.000).",
        "f-3-choices": "Trường “Lý do”: hãy nhập ít nhất hai lựa chọn, mỗi dòng một lựa chọn.",
        "f-4-label_vi": "Trường “số 5”: hãy nhập nhãn tiếng Việt, là câu hỏi công dân đọc.",
        "f-4-show_if": "Trường “số 5”: điều kiện hiển thị dựa vào trường “da_xoa” đã bị xóa.",
        "f-5-replaces": "Trường “Số GPLX”: chỉ trường được điền sẵn từ CSDL dân cư hoặc ví VNeID mới thay được "
        "giấy tờ.",
        "f-6-prefill_path": "Trường “Ngày”: hãy chọn dữ liệu dùng để điền sẵn.",
    }


def test_fields_and_sections_are_added_moved_and_removed():
    state = _state(_field(name="a", label_vi="A"), _field(name="b", label_vi="B"), sections=(("Một", ""), ("Hai", "")))
    builder.apply_action(state, "add_field:1")
    assert [(f["name"], f["section"]) for f in state["fields"]] == [("a", "0"), ("b", "0"), ("", "1")]
    builder.apply_action(state, "down:1")  # past the end of its section: into the next one, first
    assert [(f["name"], f["section"]) for f in state["fields"]] == [("a", "0"), ("b", "1"), ("", "1")]
    builder.apply_action(state, "up:0")  # already first of the first section: stays
    builder.apply_action(state, "section_up:1")
    assert [s["legend_vi"] for s in state["sections"]] == ["Hai", "Một"]
    assert [(f["name"], f["section"]) for f in state["fields"]] == [("b", "0"), ("", "0"), ("a", "1")]
    builder.apply_action(state, "remove:1")
    builder.apply_action(state, "section_remove:0")
    assert [(f["name"], f["section"]) for f in state["fields"]] == [("a", "0"), ("b", "")]


def test_json_that_does_not_parse_is_said_in_vietnamese_with_line_and_column():
    with pytest.raises(Exception) as caught:
        builder.read_json('{\n  "type": "object",\n}')
    assert caught.value.messages == [
        "JSON không hợp lệ ở dòng 3, cột 1: cần một tên khóa trong dấu ngoặc kép; có thể thừa dấu phẩy ở cuối."
    ]


# --- in the admin ---------------------------------------------------------------------------------------------


@pytest.fixture
def admin_session(client, django_user_model):
    """An administrator's session that passed password and TOTP (the login itself: ``admin_client``)."""
    from tests.staff import STAFF_PASSWORD

    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    return totp_session(client, admin)


@pytest.fixture
def service(db):
    return OnlineServiceFactory(slug="dich-vu-thu-nghiem", is_active=False)


def _builder_url(service, tail=""):
    return f"/admin/services/onlineservice/{service.pk}/eform/{tail}"


def _page_state(response) -> dict:
    """What the builder page would post back: every input's name and value as rendered."""
    html = response.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    data.update(re.findall(r'<input type="text" id="id_[^"]+" name="([^"]+)" value="([^"]*)"', html))
    data.update(dict.fromkeys(re.findall(r'<input type="checkbox" id="id_[^"]+" name="([^"]+)" checked', html), "on"))
    for name, body in re.findall(r'<select id="id_[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        data[name] = chosen.group(1) if chosen else ""
    for name, text in re.findall(r'<textarea id="id_[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = text
    import html as html_module

    return {k: html_module.unescape(v) for k, v in data.items()}


def test_an_administrator_builds_a_form_without_javascript_and_saves_it(admin_client, service):
    response = admin_client.get(_builder_url(service))
    assert response.status_code == 200
    assert "Thiết kế biểu mẫu" in response.content.decode()
    data = _page_state(response)
    data["action"] = "add_field:1"
    response = admin_client.post(_builder_url(service), data)
    data = _page_state(response)
    [new] = [i for i in range(int(data["field_count"])) if not data.get(f"f-{i}-label_vi")]
    assert data[f"f-{new}-section"] == "1" and data[f"f-{new - 1}-section"] == "1"  # after the section's last field
    data.update({f"f-{new}-label_vi": "Số tiền hỗ trợ", f"f-{new}-kind": "amount", f"f-{new}-maximum": "10.000.000"})
    data["action"] = "save"
    response = admin_client.post(_builder_url(service), data)
    assert response.status_code == 302, _page_state(response)
    service.refresh_from_db()
    assert service.form_schema["properties"]["so_tien_ho_tro"] == {"type": "integer", "maximum": 10000000}
    assert service.form_ui["fields"]["so_tien_ho_tro"]["widget"] == "amount"
    assert "so_tien_ho_tro" in service.form_ui["fieldsets"][1]["fields"]
    assert not service.is_active
    assert LogEntry.objects.filter(object_id=str(service.pk), change_message__contains="trình thiết kế").exists()


def test_a_form_that_cannot_be_saved_says_why_and_keeps_what_was_typed(admin_client, service):
    data = _page_state(admin_client.get(_builder_url(service)))
    data.update({"f-0-label_vi": "", "f-0-name": "ho ten", "action": "save"})
    response = admin_client.post(_builder_url(service), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_f-0-name"' in page and "mã trường chỉ gồm chữ thường không dấu" in page
    assert 'value="ho ten"' in page
    service.refresh_from_db()
    assert "full_name" in service.form_schema["properties"]


def test_the_preview_is_the_citizens_page_with_prefilled_fields_as_text(admin_client, service):
    data = _page_state(admin_client.get(_builder_url(service)))
    answer = admin_client.post(_builder_url(service, "preview/"), data).json()
    assert answer["errors"] == {} and answer["general"] == []
    preview = answer["preview"]
    assert "/static/css/portal.css" in preview and "Điền tờ khai" in preview
    assert '<p class="prefilled-value"' in preview and "Nguyễn Thị Mẫu" in preview
    assert "Từ Cơ sở dữ liệu quốc gia về dân cư" in preview
    data["f-0-label_vi"] = ""
    answer = admin_client.post(_builder_url(service, "preview/"), data).json()
    assert answer["errors"]["f-0-label_vi"].startswith("Trường “số 1”") and answer["preview"] == ""


def test_a_field_filled_from_the_wallet_replaces_a_paper(admin_client, service):
    paper = service.version.components.order_by("order").last()
    data = _page_state(admin_client.get(_builder_url(service)))
    data.update({"f-0-replaces": str(paper.pk), "action": "save"})
    assert admin_client.post(_builder_url(service), data).status_code == 302
    assert ComponentReplacement.objects.get(service=service, component=paper).source == "population_registry"
    data = _page_state(admin_client.get(_builder_url(service)))
    assert data["f-0-replaces"] == str(paper.pk)
    data.update({"f-0-replaces": "", "action": "save"})
    admin_client.post(_builder_url(service), data)
    assert not ComponentReplacement.objects.filter(service=service).exists()


def test_a_form_exported_and_imported_again_is_unchanged(admin_client, service, db):
    form_schema, form_ui = demo.BIRTH_BUNDLE_FORM
    service.form_schema, service.form_ui = form_schema, form_ui
    service.suggest_map = {"other_parent_name": "household.spouse.name"}
    service.prefill_map = {"full_name": "name", "id_number": "id_number"}
    service.save()
    exported = admin_client.get(_builder_url(service, "export/"))
    assert exported["Content-Disposition"] == 'attachment; filename="bieu-mau-dich-vu-thu-nghiem.json"'
    text = exported.content.decode()
    assert list(json.loads(text)["form_schema"]["properties"])[:3] == ["full_name", "id_number", "birth_date"]

    other = OnlineServiceFactory(slug="dich-vu-tinh-khac")
    data = _page_state(admin_client.get(_builder_url(other)))
    data["action"] = "import"
    data["form_file"] = SimpleUploadedFile("bieu-mau.json", text.encode(), content_type="application/json")
    response = admin_client.post(_builder_url(other), data)
    assert "Đã nạp biểu mẫu từ tệp" in response.content.decode()
    data = _page_state(response)
    data["action"] = "save"
    assert admin_client.post(_builder_url(other), data).status_code == 302
    again = admin_client.get(_builder_url(other, "export/")).content.decode()
    assert again.replace("dich-vu-tinh-khac", "") == text.replace("dich-vu-thu-nghiem", "")


def test_a_broken_file_is_refused_with_its_line_and_column(admin_client, service):
    data = _page_state(admin_client.get(_builder_url(service)))
    data["action"] = "import"
    data["form_file"] = SimpleUploadedFile("hong.json", b'{"format": "dichvucong.eform",\n "version": 1,,}')
    page = admin_client.post(_builder_url(service), data).content.decode()
    assert "JSON không hợp lệ ở dòng 2, cột 15" in page
    data["form_file"] = SimpleUploadedFile("khac.json", b'{"type": "object"}')
    page = admin_client.post(_builder_url(service), data).content.decode()
    assert "Tệp không phải biểu mẫu xuất từ Cổng" in page


def test_the_json_view_says_a_trailing_comma_in_vietnamese_and_keeps_the_fields_order(admin_client, service):
    change = f"/admin/services/onlineservice/{service.pk}/change/"
    page = admin_client.get(change).content.decode()
    schema_box = re.search(r'name="form_schema"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    positions = [
        schema_box.index(f"&quot;{name}&quot;") for name in ("full_name", "id_number", "birth_date", "request")
    ]
    assert positions == sorted(positions)
    assert schema_box.index("&quot;type&quot;: &quot;string&quot;") < schema_box.index("&quot;maxLength&quot;")


def test_only_administrators_with_the_right_may_use_the_builder(client, service):
    assert client.get(_builder_url(service)).status_code == 302  # to the login
    clerk = officer("canbo_xem", None, kind="admin", is_staff=True)
    totp_session(client, clerk)
    assert client.get(_builder_url(service)).status_code == 403
    assert client.post(_builder_url(service, "preview/"), {}).status_code == 403
    assert client.get(_builder_url(service, "export/")).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="view_onlineservice"))
    assert client.get(_builder_url(service, "export/")).status_code == 200
    assert client.get(_builder_url(service)).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="change_onlineservice"))
    assert client.get(_builder_url(service)).status_code == 200


def test_a_save_without_the_csrf_token_is_refused(service, django_user_model):
    from tests.staff import STAFF_PASSWORD

    admin = django_user_model.objects.create_superuser("quantri2", "q2@example.vn", STAFF_PASSWORD, kind="admin")
    client = totp_session(Client(enforce_csrf_checks=True), admin)
    response = client.post(_builder_url(service), {"action": "save", "field_count": "0", "section_count": "0"})
    assert response.status_code == 403
    service.refresh_from_db()
    assert service.form_schema["properties"]


def test_a_new_service_starts_with_an_empty_form_for_the_builder(admin_client):
    page = admin_client.get("/admin/services/onlineservice/add/").content.decode()
    assert re.search(r'name="form_schema"[^>]*>\s*\{\s*&quot;type&quot;: &quot;object&quot;', page)
    # Before the first save, the citizen's page already shows (empty), in the portal's styling.
    frame = re.search(r'<iframe id="eform-preview-frame"[^>]*srcdoc="([^"]*)"', page).group(1)
    assert "Điền tờ khai" in frame and "portal.css" in frame
    assert re.search(r'<input type="checkbox" name="is_active"', page)
    assert not re.search(r'<input type="checkbox" name="is_active"[^>]*checked', page)  # not offered while empty
    assert OnlineService.objects.count() == 0


# --- an address with province and commune pickers --------------------------------------------------------------


@pytest.fixture
def places(db):
    from procedures.constants import UnitLevel
    from tests.procedures import factories as procedures

    hanoi = procedures.unit("01", "Thành phố Hà Nội")
    hue = procedures.unit("46", "Thành phố Huế")
    procedures.unit("00004", "Phường Ba Đình", level=UnitLevel.COMMUNE, parent=hanoi)
    procedures.unit("19753", "Phường Thuận Hóa", level=UnitLevel.COMMUNE, parent=hue)
    return hanoi, hue


def _address_form(data=None, initial=None):
    from eservices import eforms

    state = _state(_field(name="noi_o", label_vi="Nơi ở hiện tại", kind="address", max_length="300", required="on"))
    schema, ui, _p, _s = builder.to_definition(state)
    assert schema["properties"]["noi_o"] == {"type": "string", "maxLength": 300}
    assert ui["fields"]["noi_o"]["widget"] == "address"
    return eforms.EForm(data, schema=schema, ui=ui, initial=initial)


def test_an_address_is_a_province_a_commune_of_it_and_the_street_kept_as_one_text(places):
    form = _address_form({"noi_o_0": "01", "noi_o_1": "00004", "noi_o_2": "Số 11 phố Đội Cấn"})
    assert form.is_valid(), form.errors
    assert form.as_json() == {"noi_o": "Số 11 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội"}
    wrong = _address_form({"noi_o_0": "01", "noi_o_1": "19753", "noi_o_2": "Số 1"})
    assert wrong.errors["noi_o"] == ["Xã, phường đã chọn không thuộc tỉnh, thành phố đã chọn."]
    missing = _address_form({"noi_o_0": "01", "noi_o_1": "", "noi_o_2": ""})
    assert missing.errors["noi_o"] == ["Hãy chọn tỉnh, xã và ghi số nhà, đường phố hoặc thôn, xóm."]
    # The filing API sends it whole, as text.
    whole = _address_form({"noi_o": "Số 1 phố Huế, Phường Thuận Hóa, Thành phố Huế"})
    assert whole.is_valid() and whole.as_json()["noi_o"].startswith("Số 1 phố Huế")


def test_a_saved_address_comes_back_in_its_pickers_each_labelled(places):
    html = str(_address_form(initial={"noi_o": "Số 11 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội"})["noi_o"])
    assert re.search(r'<option value="01" selected>Thành phố Hà Nội</option>', html)
    assert re.search(r'<option value="00004" selected>Phường Ba Đình</option>', html)
    assert 'value="Số 11 phố Đội Cấn"' in html
    assert '<label for="id_noi_o_1">Xã, phường, đặc khu</label>' in html
    assert '<optgroup label="Thành phố Huế">' in html


def test_a_field_just_added_is_not_an_error_and_is_left_out_until_something_is_typed_in_it():
    state = _state(_field(name="ho_ten", label_vi="Họ tên"))
    builder.apply_action(state, "add_field:0")
    assert builder.check(state) == ({}, [])
    schema, ui, _p, _s = builder.to_definition(state)
    assert list(schema["properties"]) == ["ho_ten"] and ui["fieldsets"][0]["fields"] == ["ho_ten"]
    state["fields"][1]["help_vi"] = "Ghi rõ"
    assert builder.check(state)[0] == {
        "f-1-label_vi": "Trường “số 2”: hãy nhập nhãn tiếng Việt, là câu hỏi công dân đọc."
    }


@pytest.mark.parametrize(
    ("slug", "schema", "ui", "prefill_map", "suggest_map"), DEMO_FORMS, ids=[f[0] for f in DEMO_FORMS]
)
def test_every_demo_form_saved_through_the_builder_page_is_unchanged(
    admin_session, slug, schema, ui, prefill_map, suggest_map
):
    admin_client = admin_session
    service = OnlineServiceFactory(
        slug=slug, form_schema=schema, form_ui=ui, prefill_map=prefill_map, suggest_map=suggest_map
    )
    before = admin_client.get(_builder_url(service, "export/")).content
    data = _page_state(admin_client.get(_builder_url(service)))
    data["action"] = "save"
    assert admin_client.post(_builder_url(service), data).status_code == 302
    service.refresh_from_db()
    assert (service.form_schema, service.form_ui, service.prefill_map, service.suggest_map) == (
        schema,
        ui,
        prefill_map,
        suggest_map,
    )
    assert admin_client.get(_builder_url(service, "export/")).content == before


def test_an_integrated_service_has_the_builder_too(admin_client):
    from tests.eservices.factories import IntegratedServiceFactory

    bundle = IntegratedServiceFactory()
    url = f"/admin/services/integratedservice/{bundle.pk}/eform/"
    page = admin_client.get(url)
    assert "Thay cho giấy tờ" not in page.content.decode()  # a bundle's papers are its members'
    data = _page_state(page)
    data.update({"f-0-label_en": "Applicant's full name", "action": "save"})
    assert admin_client.post(url, data).status_code == 302
    bundle.refresh_from_db()
    assert bundle.form_ui["fields"]["full_name"]["label"] == {"vi": "Họ, chữ đệm và tên", "en": "Applicant's full name"}


def test_the_paper_drop_downs_list_the_services_own_papers_once(admin_session, service):
    from tests.procedures.factories import ComponentFactory

    elsewhere = ComponentFactory(name="Tờ khai của thủ tục khác")
    page = admin_session.get(f"/admin/services/onlineservice/{service.pk}/change/").content.decode()
    form_component = re.search(r'<select name="form_component"[^>]*>(.*?)</select>', page, re.S).group(1)
    options = re.findall(r'<option value="(\d+)"', form_component)
    assert sorted(map(int, options)) == sorted(service.version.components.values_list("pk", flat=True))
    assert str(elsewhere.pk) not in options
    added = admin_session.get("/admin/services/onlineservice/add/").content.decode()
    code = service.version.procedure.code
    assert f"({code} v{service.version.number})</option>" in added
    assert f"Tờ khai của thủ tục khác ({elsewhere.version.procedure.code} v{elsewhere.version.number})" in added


def test_a_save_over_a_newer_save_is_said_and_a_second_press_overwrites(admin_session, service):
    data = _page_state(admin_session.get(_builder_url(service)))
    other_tab = _page_state(admin_session.get(_builder_url(service)))
    other_tab.update({"f-0-label_en": "Name (other tab)", "action": "save"})
    assert admin_session.post(_builder_url(service), other_tab).status_code == 302
    data.update({"f-0-label_en": "Name (mine)", "action": "save"})
    response = admin_session.post(_builder_url(service), data)
    assert response.status_code == 200
    assert "Biểu mẫu vừa được lưu ở nơi khác" in response.content.decode()
    service.refresh_from_db()
    assert service.form_ui["fields"]["full_name"]["label"]["en"] == "Name (other tab)"
    again = _page_state(response)
    assert again["f-0-label_en"] == "Name (mine)"
    again["action"] = "save"
    assert admin_session.post(_builder_url(service), again).status_code == 302
    service.refresh_from_db()
    assert service.form_ui["fields"]["full_name"]["label"]["en"] == "Name (mine)"


def test_a_form_the_builder_cannot_edit_sends_back_to_the_json_view_saying_why(admin_session, service):
    service.form_schema = {**service.form_schema, "properties": {"rows": {"type": "array"}}, "required": []}
    service.form_ui = {}
    OnlineService.objects.filter(pk=service.pk).update(form_schema=service.form_schema, form_ui={})
    response = admin_session.get(_builder_url(service), follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/services/onlineservice/{service.pk}/change/"
    assert "Trường “rows” có kiểu “array” mà trình thiết kế chưa sửa được; hãy dùng chế độ JSON" in (
        response.content.decode()
    )


def test_the_builder_reads_in_vietnamese(admin_session, service):
    from tests.test_admin_in_vietnamese import english_in, english_messages

    exact, pattern = english_messages()
    page = admin_session.get(_builder_url(service), headers={"Accept-Language": "vi"}).content.decode()
    assert not english_in(page, exact, pattern)


def test_an_address_half_chosen_in_a_refused_form_comes_back_as_it_was_typed(places):
    from records.views.filing_steps import _raw_values

    post = {"noi_o_0": "01", "noi_o_1": "", "noi_o_2": "Số 11 phố Đội Cấn"}
    refused = _address_form(post)
    assert not refused.is_valid()
    kept = _raw_values(refused, post, {})
    assert kept == {"noi_o": ["01", "", "Số 11 phố Đội Cấn"]}
    html = str(_address_form(initial=kept)["noi_o"])
    assert re.search(r'<option value="01" selected>Thành phố Hà Nội</option>', html)
    assert 'value="Số 11 phố Đội Cấn"' in html


def test_a_draft_holding_a_half_chosen_address_reads_back_without_error(places):
    from types import SimpleNamespace

    from records.presenters import answers_shown

    form = _address_form()
    definition = SimpleNamespace(form_schema=form.schema, form_ui=form.ui, prefill_map={})
    rows = answers_shown(definition, {"noi_o": ["01", "", "Số 11 phố Đội Cấn"]}, [])
    assert rows[0][1][0]["value"] == "01, Số 11 phố Đội Cấn"


# --- repeating groups (issue #17: "nhóm lặp lại") ------------------------------------------------------------------

MEMBERS_SCHEMA = {
    "type": "object",
    "properties": {
        "thanh_vien": {
            "type": "array",
            "minItems": 1,
            "maxItems": 6,
            "items": {
                "type": "object",
                "properties": {
                    "ho_ten": {"type": "string", "maxLength": 100},
                    "ngay_sinh": {"type": "string", "format": "date"},
                    "quan_he": {"type": "string", "enum": ["con", "vo_chong"]},
                },
                "required": ["ho_ten", "quan_he"],
            },
        }
    },
    "required": ["thanh_vien"],
    "additionalProperties": False,
}
MEMBERS_UI = {
    "fieldsets": [{"legend": {"vi": "Hộ gia đình", "en": "Household"}, "fields": ["thanh_vien"]}],
    "fields": {
        "thanh_vien": {
            "label": {"vi": "Thành viên hộ gia đình", "en": "Household members"},
            "widget": "group",
            "order": ["ho_ten", "ngay_sinh", "quan_he"],
            "fields": {
                "ho_ten": {"label": {"vi": "Họ tên", "en": "Full name"}},
                "ngay_sinh": {
                    "label": {"vi": "Ngày sinh", "en": "Date of birth"},
                    "widget": "date",
                    "not_future": True,
                },
                "quan_he": {
                    "label": {"vi": "Quan hệ", "en": "Relationship"},
                    "choices": {"con": {"vi": "Con", "en": "Child"}, "vo_chong": {"vi": "Vợ/chồng", "en": "Spouse"}},
                },
            },
        }
    },
}


def _sub(**values) -> dict:
    sub = builder.new_subfield()
    sub.update(values)
    return sub


def _as_post_with_groups(state: dict) -> dict:
    data = _as_post(state)
    for index, field in enumerate(state["fields"]):
        data.pop(f"f-{index}-subfields", None)
        data[f"f-{index}-sub_count"] = str(len(field.get("subfields") or []))
        for number, sub in enumerate(field.get("subfields") or []):
            data.update({f"f-{index}-s-{number}-{key}": value for key, value in sub.items() if value})
    return data


def test_a_repeating_group_is_built_as_rows_of_its_own_sub_fields():
    group = _field(
        name="thanh_vien",
        label_vi="Thành viên hộ gia đình",
        label_en="Household members",
        kind="group",
        required="on",
        min_rows="1",
        max_rows="6",
        subfields=[
            _sub(label_vi="Họ tên", label_en="Full name", required="on", max_length="100"),
            _sub(label_vi="Ngày sinh", label_en="Date of birth", kind="date", not_future="on"),
            _sub(
                label_vi="Quan hệ",
                label_en="Relationship",
                kind="choice",
                required="on",
                choices="Con | Child\nVợ/chồng | Spouse",
            ),
        ],
    )
    state = _state(group, sections=(("Hộ gia đình", "Household"),))
    builder.fill_names(state)
    assert builder.check(state) == ({}, [])
    schema, ui, _prefill, _suggest = builder.to_definition(state)
    assert schema == MEMBERS_SCHEMA
    assert ui == MEMBERS_UI
    # The renderer takes it: the citizen's page is a table with a column per sub-field.
    from eservices.eforms import EForm

    html = str(EForm(schema=schema, ui=ui)["thanh_vien"])
    assert '<th scope="col">Họ tên <span class="required" aria-hidden="true">*</span></th>' in html
    assert 'name="thanh_vien-0-quan_he"' in html and "Thêm dòng" in html


def test_a_repeating_group_opens_in_the_builder_and_comes_back_unchanged_through_the_page_and_a_file():
    state = builder.from_definition(MEMBERS_SCHEMA, MEMBERS_UI)
    [group] = state["fields"]
    assert group["kind"] == "group" and (group["min_rows"], group["max_rows"]) == ("1", "6")
    assert [s["name"] for s in group["subfields"]] == ["ho_ten", "ngay_sinh", "quan_he"]
    assert builder.check(state) == ({}, [])
    posted = builder.from_post(_as_post_with_groups(state))
    assert builder.to_definition(posted) == (MEMBERS_SCHEMA, MEMBERS_UI, {}, {})
    out_schema, out_ui, _p, _s = builder.to_definition(posted)
    assert json.dumps([out_schema, out_ui]) == json.dumps(list(builder.ordered(MEMBERS_SCHEMA, MEMBERS_UI)))
    # Exported and imported again: the same form.
    from types import SimpleNamespace

    service = SimpleNamespace(
        name="Thử",
        form_schema=MEMBERS_SCHEMA,
        form_ui=MEMBERS_UI,
        prefill_map={},
        suggest_map={},
        named_persons=[],
        eligibility=[],
    )
    document = builder.import_document(builder.export_text(service).encode())
    again = builder.from_definition(document["form_schema"], document["form_ui"])
    assert builder.to_definition(again)[:2] == (MEMBERS_SCHEMA, MEMBERS_UI)


def test_what_is_wrong_with_a_group_is_said_at_the_group_and_at_the_sub_field():
    empty = _field(label_vi="Thành viên", kind="group", name="thanh_vien")
    errors = builder.field_errors(_state(empty))
    assert errors["f-0-subfields"] == "Trường “Thành viên”: hãy thêm ít nhất một trường con (một cột của bảng)."
    group = _field(
        label_vi="Thành viên",
        kind="group",
        name="thanh_vien",
        min_rows="5",
        max_rows="2",
        prefill_mode="prefill",
        prefill_path="name",
        subfields=[
            _sub(label_vi="Họ tên", name="ho_ten"),
            _sub(label_vi="Tên", name="ho_ten"),
            _sub(name="tuoi", kind="number", minimum="10", maximum="1"),
            _sub(label_vi="Địa chỉ", name="dia_chi", kind="address"),
            _sub(label_vi="Quan hệ", name="quan_he", kind="choice", choices="Con"),
        ],
    )
    errors = builder.field_errors(_state(group))
    assert errors["f-0-max_rows"] == "Trường “Thành viên”: số dòng tối đa (2) nhỏ hơn số dòng tối thiểu (5)."
    assert errors["f-0-prefill_mode"].startswith("Trường “Thành viên”: nhóm lặp lại không điền sẵn được")
    assert (
        errors["f-0-s-1-name"] == "Trường “Thành viên”, trường con “Tên”: mã “ho_ten” đã dùng cho trường con “Họ tên”."
    )
    assert errors["f-0-s-2-label_vi"].startswith("Trường “Thành viên”, trường con “số 3”: hãy nhập nhãn tiếng Việt")
    assert errors["f-0-s-2-maximum"] == (
        "Trường “Thành viên”, trường con “số 3”: giới hạn trên (1) nhỏ hơn giới hạn dưới (10)."
    )
    assert errors["f-0-s-3-kind"].startswith("Trường “Thành viên”, trường con “Địa chỉ”: hãy chọn kiểu của trường con")
    assert errors["f-0-s-4-choices"].endswith("hãy nhập ít nhất hai lựa chọn, mỗi dòng một lựa chọn.")


def test_sub_fields_are_added_moved_and_removed():
    state = _state(_field(label_vi="Thành viên", kind="group", subfields=[_sub(label_vi="A"), _sub(label_vi="B")]))
    builder.apply_action(state, "add_sub:0")
    assert [s["label_vi"] for s in state["fields"][0]["subfields"]] == ["A", "B", ""]
    assert state.pop("added_sub") is state["fields"][0]["subfields"][2]
    builder.apply_action(state, "sub_down:0:0")
    assert [s["label_vi"] for s in state["fields"][0]["subfields"]] == ["B", "A", ""]
    builder.apply_action(state, "sub_up:0:1")
    builder.apply_action(state, "sub_remove:0:2")
    assert [s["label_vi"] for s in state["fields"][0]["subfields"]] == ["A", "B"]
    builder.apply_action(state, "sub_remove:7:0")  # a stale button: nothing happens
    assert len(state["fields"][0]["subfields"]) == 2


def test_an_administrator_adds_a_repeating_group_without_javascript(admin_client, service):
    data = _page_state(admin_client.get(_builder_url(service)))
    data["action"] = "add_field:0"
    data = _page_state(admin_client.post(_builder_url(service), data))
    [new] = [i for i in range(int(data["field_count"])) if not data.get(f"f-{i}-label_vi")]
    data.update({f"f-{new}-label_vi": "Thành viên hộ gia đình", f"f-{new}-kind": "group", f"f-{new}-max_rows": "5"})
    data["action"] = f"add_sub:{new}"
    response = admin_client.post(_builder_url(service), data)
    page = response.content.decode()
    data = _page_state(response)
    assert data[f"f-{new}-sub_count"] == "1" and f'id="id_f-{new}-s-0-label_vi"' in page
    data.update({f"f-{new}-s-0-label_vi": "Họ tên", f"f-{new}-s-0-required": "on", "action": f"add_sub:{new}"})
    data = _page_state(admin_client.post(_builder_url(service), data))
    data.update({f"f-{new}-s-1-label_vi": "Ngày sinh", f"f-{new}-s-1-kind": "date", "action": "refresh"})
    response = admin_client.post(_builder_url(service), data)
    preview = re.search(r'<iframe id="builder-preview"[^>]* srcdoc="([^"]*)"', response.content.decode(), re.S)
    import html as html_module

    shown = html_module.unescape(preview.group(1))
    assert "Thành viên hộ gia đình" in shown and 'name="thanh_vien_ho_gia_dinh-0-ho_ten"' in shown
    data = _page_state(response)
    data["action"] = "save"
    response = admin_client.post(_builder_url(service), data)
    assert response.status_code == 302, _page_state(response)
    service.refresh_from_db()
    group = service.form_schema["properties"]["thanh_vien_ho_gia_dinh"]
    assert group == {
        "type": "array",
        "maxItems": 5,
        "items": {
            "type": "object",
            "properties": {"ho_ten": {"type": "string"}, "ngay_sinh": {"type": "string", "format": "date"}},
            "required": ["ho_ten"],
        },
    }
    assert service.form_ui["fields"]["thanh_vien_ho_gia_dinh"]["order"] == ["ho_ten", "ngay_sinh"]


def test_a_choice_without_an_english_label_keeps_its_code_and_label_when_opened_again():
    schema = {"type": "object", "properties": {"quan_he": {"type": "string", "enum": ["con", "vo_chong"]}}}
    ui = {
        "fields": {
            "quan_he": {"label": {"vi": "Quan hệ"}, "choices": {"con": {"vi": "Con"}, "vo_chong": {"vi": "Vợ/chồng"}}}
        }
    }
    state = builder.from_definition(schema, ui)
    assert state["fields"][0]["choices"] == "con | Con |\nvo_chong | Vợ/chồng |"
    assert builder.to_definition(state)[:2] == (schema, {"fieldsets": [], **ui})
