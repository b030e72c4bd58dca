"""A repeating group in an e-form (issue #17): a household's members typed as rows on the citizen's page without
JavaScript ("Thêm dòng" sends the form back with one more row), refused row by row in Vietnamese with nothing typed
lost, sent as a JSON list through the filing API, stored on the record and read back as a table by the citizen and
by the officers."""

import json
import re

import pytest
from django.test import Client

from eservices.models import OnlineService
from identity.constants import StaffRole
from records.constants import RecordState
from records.models import Record
from tests.staff import officer, totp_session

pytestmark = pytest.mark.django_db

SLUG = "dang-ky-thuong-tru"
MEMBERS = {
    "type": "array",
    "minItems": 1,
    "maxItems": 4,
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
MEMBERS_UI = {
    "label": {"vi": "Thành viên hộ gia đình", "en": "Household members"},
    "widget": "group",
    "order": ["ho_ten", "ngay_sinh", "quan_he"],
    "fields": {
        "ho_ten": {"label": {"vi": "Họ tên", "en": "Full name"}},
        "ngay_sinh": {"label": {"vi": "Ngày sinh", "en": "Date of birth"}, "widget": "date", "not_future": True},
        "quan_he": {
            "label": {"vi": "Quan hệ", "en": "Relationship"},
            "choices": {"con": {"vi": "Con", "en": "Child"}, "vo_chong": {"vi": "Vợ/chồng", "en": "Spouse"}},
        },
    },
}
FORM = {"request": "Đăng ký thường trú cho cả hộ", "delivery": "online"}


@pytest.fixture
def residence(catalogue):
    """The residence registration service, asking for the household's members as well."""
    service = OnlineService.objects.get(slug=SLUG)
    schema, ui = service.form_schema, service.form_ui
    schema["properties"]["thanh_vien"] = MEMBERS
    schema["required"] = [*schema.get("required", []), "thanh_vien"]
    ui["fields"]["thanh_vien"] = MEMBERS_UI
    ui["fieldsets"][-1]["fields"].append("thanh_vien")
    service.save(update_fields=["form_schema", "form_ui"])
    return service


def start(client) -> str:
    response = client.post(f"/services/{SLUG}/start/")
    assert response.status_code == 302, response.content[:500]
    base = re.match(r"(/my/filings/[0-9a-f-]+/)", response["Location"]).group(1)
    return base


def rows(*members) -> dict:
    data = {"thanh_vien-rows": str(len(members))}
    for index, member in enumerate(members):
        data.update({f"thanh_vien-{index}-{key}": value for key, value in member.items()})
    return data


SON = {"ho_ten": "Trần Minh Khôi", "ngay_sinh": "2015-03-01", "quan_he": "con"}
WIFE = {"ho_ten": "Lê Thị Hoa", "ngay_sinh": "1988-07-20", "quan_he": "vo_chong"}


def test_a_citizen_files_two_members_without_javascript_and_officers_read_them_as_a_table(client, citizen, residence):
    base = start(client)
    page = client.get(base + "form/").content.decode()
    # One blank row to start with, as a table with a column per sub-field, and the button that adds a row.
    assert 'name="thanh_vien-0-ho_ten"' in page and 'name="thanh_vien-1-ho_ten"' not in page
    assert '<button type="submit" name="add_row" value="thanh_vien"' in page
    assert '<th scope="col">Quan hệ <span class="required" aria-hidden="true">*</span></th>' in page

    # "Thêm dòng": the page comes back, at the group, with the first row as typed and a second, blank one.
    response = client.post(base + "form/", {**FORM, **rows(SON), "add_row": "thanh_vien"})
    assert response.status_code == 302 and response["Location"].endswith("/form/#id_thanh_vien")
    page = client.get(base + "form/").content.decode()
    assert 'name="thanh_vien-0-ho_ten" value="Trần Minh Khôi"' in page
    assert re.search(r'<input type="text" name="thanh_vien-1-ho_ten" maxlength="100"', page)  # blank
    assert re.search(r'<option value="con" selected>Con</option>', page)
    assert 'name="thanh_vien-2-ho_ten"' not in page

    response = client.post(base + "form/", {**FORM, **rows(SON, WIFE), "continue": ""})
    assert response.status_code == 302 and response["Location"].endswith("/attachments/")
    assert client.post(base + "attachments/", {"action": "continue"}).status_code == 302
    review = client.get(base + "review/").content.decode()
    assert '<th scope="col">Họ tên</th>' in review and "<td>Lê Thị Hoa</td>" in review
    response = client.post(base + "review/")
    assert response.status_code == 302 and response["Location"].endswith("/done/")

    record = Record.objects.get(applicant=citizen)
    assert record.state == RecordState.SUBMITTED
    assert record.form_data["thanh_vien"] == [SON, WIFE]
    # Whatever prints the answers as text (a PDF declaration) reads the rows as one line.
    from records.presenters import answers_shown

    [members] = [
        item for _legend, items in answers_shown(residence, record.form_data, []) for item in items if "table" in item
    ]
    assert members["value"] == "1. Trần Minh Khôi, 01/03/2015, Con; 2. Lê Thị Hoa, 20/07/1988, Vợ/chồng"

    # The citizen's record page: one table row per member, choices by their label and dates as d/m/Y.
    mine = client.get(f"/my/records/{record.pk}/").content.decode()
    assert "<td>Trần Minh Khôi</td><td>01/03/2015</td><td>Con</td>" in mine
    assert "<td>Lê Thị Hoa</td><td>20/07/1988</td><td>Vợ/chồng</td>" in mine

    # The back-office record page shows the same table to the agency's officers.
    receiver = officer("tiepnhan", record.agency, StaffRole.RECEIVER)
    office = totp_session(Client(), receiver).get(f"/backoffice/records/{record.pk}/").content.decode()
    table = office[
        office.index('<table class="answers-rows">') : office.index("</table>", office.index("answers-rows"))
    ]
    assert '<th scope="col">Họ tên</th><th scope="col">Ngày sinh</th><th scope="col">Quan hệ</th>' in table
    assert '<th scope="row">2</th><td>Lê Thị Hoa</td><td>20/07/1988</td><td>Vợ/chồng</td>' in table


def test_a_refused_row_is_named_with_its_sub_field_and_every_row_typed_comes_back(client, citizen, residence):
    base = start(client)
    unborn = {"ho_ten": "Trần Minh Khôi", "ngay_sinh": "2999-01-01", "quan_he": "con"}
    nameless = {"ho_ten": "", "ngay_sinh": "1988-07-20", "quan_he": "vo_chong"}
    response = client.post(base + "form/", {**FORM, **rows(unborn, nameless), "continue": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 1, Ngày sinh: Ngày này chưa tới; hãy kiểm tra lại ngày, tháng, năm." in page
    assert "Dòng 2, Họ tên: Thiếu thông tin bắt buộc." in page
    # The summary links to the group.
    assert '<a href="#id_thanh_vien">Thành viên hộ gia đình: Dòng 2, Họ tên: Thiếu thông tin bắt buộc.</a>' in page
    # Nothing typed is lost: both rows, as typed, on the page and in the draft.
    assert 'name="thanh_vien-0-ngay_sinh" value="2999-01-01"' in page
    assert 'name="thanh_vien-1-ngay_sinh" value="1988-07-20"' in page
    assert re.search(r'name="thanh_vien-1-quan_he"[^>]*>.*?<option value="vo_chong" selected>', page, re.S)
    record = Record.objects.get(applicant=citizen)
    assert record.form_data["thanh_vien"] == [unborn, nameless]
    again = client.get(base + "form/").content.decode()
    assert 'name="thanh_vien-0-ngay_sinh" value="2999-01-01"' in again

    # No row at all: the group is required.
    response = client.post(
        base + "form/", {**FORM, **rows({"ho_ten": "", "ngay_sinh": "", "quan_he": ""}), "continue": ""}
    )
    assert response.status_code == 400
    assert "Hãy nhập ít nhất một dòng." in response.content.decode()


def test_an_app_files_the_rows_as_a_json_list_checked_by_the_same_schema(client, citizen, residence):
    described = client.get(f"/api/v1/services/{SLUG}/").json()
    assert described["form_schema"]["properties"]["thanh_vien"] == MEMBERS

    refused = client.post(
        "/api/v1/records/",
        {
            "service": SLUG,
            "data": json.dumps({**FORM, "thanh_vien": [SON, {"ho_ten": "Lê Thị Hoa", "quan_he": "ban"}]}),
        },
    )
    assert refused.status_code == 400
    assert "Dòng 2, Quan hệ: Không phải là một lựa chọn hợp lệ." in refused.content.decode()
    wrong_type = client.post(
        "/api/v1/records/",
        {"service": SLUG, "data": json.dumps({**FORM, "thanh_vien": [{"ho_ten": 7, "quan_he": "con"}]})},
    )
    assert wrong_type.status_code == 400
    assert "Dòng 1, Họ tên: Phải là văn bản." in wrong_type.content.decode()
    too_many = client.post("/api/v1/records/", {"service": SLUG, "data": json.dumps({**FORM, "thanh_vien": [SON] * 5})})
    assert too_many.status_code == 400 and "Tối đa 4 dòng." in too_many.content.decode()

    response = client.post(
        "/api/v1/records/", {"service": SLUG, "data": json.dumps({**FORM, "thanh_vien": [SON, WIFE]})}
    )
    assert response.status_code == 201, response.content
    record = Record.objects.get(pk=response.json()["id"])
    assert record.state == RecordState.SUBMITTED
    assert record.form_data["thanh_vien"] == [SON, WIFE]


def test_the_api_description_says_how_a_repeating_group_is_sent(client):
    schema = client.get("/api/schema/").content.decode()
    assert "A repeating group" in schema and "Dòng 2, Họ tên" in schema
    assert "A repeating group has `widget: group`" in schema  # the services API's form_ui


def test_at_the_counter_an_officer_adds_a_row_without_javascript_and_saves_the_members(residence, family):
    ward = residence.version.agencies.first()
    desk = totp_session(Client(), officer("quay", ward, StaffRole.RECEIVER))
    person = family["father"]
    desk.post(
        f"/backoffice/agencies/{ward.code}/counter/",
        {"step": "start", "procedure": residence.version.procedure.code, "id_number": person.id_number},
    )
    draft = Record.objects.get(applicant_id_number=person.id_number)
    answers = {**FORM, "full_name": person.full_name, "id_number": person.id_number}
    answers["birth_date"] = person.birth_date.isoformat()
    # "Thêm dòng": the same page, what was typed kept, one more row, nothing checked yet.
    page = desk.post(f"/backoffice/counter/{draft.pk}/", {**answers, **rows(SON), "add_row": "thanh_vien"})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="thanh_vien-0-ho_ten" value="Trần Minh Khôi"' in html and 'name="thanh_vien-1-ho_ten"' in html
    assert "field-error" not in html
    response = desk.post(f"/backoffice/counter/{draft.pk}/", {"outcome": "save", **answers, **rows(SON, WIFE)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.form_data["thanh_vien"] == [SON, WIFE]


def test_a_tab_that_is_behind_is_told_the_rows_the_other_tab_saved(client, citizen, residence):
    base = start(client)
    url = base + "form/"
    other = Client()
    other.cookies = client.cookies
    version = re.search(r'name="draft_version" value="(\d+)"', client.get(url).content.decode()).group(1)
    values = {**FORM, "applicant-applicant_role": "self", "draft_version": version, "save": "1"}
    assert other.post(url, {**values, **rows(SON, WIFE)}).status_code == 302
    refused = client.post(url, {**values, **rows(SON)})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "1. Trần Minh Khôi, 01/03/2015, Con; 2. Lê Thị Hoa, 20/07/1988, Vợ/chồng" in page
    assert Record.objects.get(applicant=citizen).form_data["thanh_vien"] == [SON, WIFE]
