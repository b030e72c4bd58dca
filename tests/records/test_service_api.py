"""The services API tells an app everything a filing must send, and nothing more is needed to file."""

import json

import pytest

from eservices.models import OnlineService
from records.constants import RecordState
from records.models import Record

from . import files

pytestmark = pytest.mark.django_db


def test_an_app_files_a_record_from_what_the_service_api_says(client, citizen):
    listed = client.get("/api/v1/services/", {"procedure": "1.002804"}).json()["results"]
    assert [s["slug"] for s in listed] == ["cap-doi-giay-phep-lai-xe"]
    service = client.get(listed[0]["url"]).json()

    assert service["required_assurance"] == "LoA2" and service["delivery"] == "full_online"
    question = "Bạn đang có giấy phép lái xe do Việt Nam cấp?"
    assert service["eligibility"] == [{"id": "has_licence", "question": question}]
    assert {"full_name", "id_number", "birth_date", "licence_number"} <= set(service["prefilled_fields"])
    provided = {c["name"]: c["provided_by"] for c in service["components"]}
    assert provided == {
        "Đơn đề nghị đổi, cấp lại giấy phép lái xe theo mẫu": "e_form",
        "Giấy khám sức khỏe của người lái xe do cơ sở y tế có thẩm quyền cấp": None,
        "Bản sao giấy phép lái xe đang sử dụng": "driving_licence",
        "Bản sao thẻ căn cước hoặc hộ chiếu": "population_registry",
    }

    # What the app asks its user for: the questions, the fields the registry does not fill, and a file for every
    # mandatory document that nothing else provides (a wallet document is sent as a file through the API).
    required = set(service["form_schema"]["required"]) - set(service["prefilled_fields"])
    assert required == {"reason", "delivery"}
    uploads = {
        c["field"]: files.pdf(f"{c['id']}.pdf", size=600 + c["id"])
        for c in service["components"]
        if c["mandatory"] and c["provided_by"] not in ("e_form", "population_registry")
    }
    response = client.post(
        "/api/v1/records/",
        {
            "service": service["slug"],
            "data": json.dumps({"reason": "expired", "delivery": "online"}),
            "eligibility": json.dumps({q["id"]: True for q in service["eligibility"]}),
            **uploads,
        },
    )

    assert response.status_code == 201, response.content
    record = Record.objects.get(pk=response.json()["id"])
    assert record.state == RecordState.SUBMITTED and record.attachments.count() == len(uploads)


def test_the_service_api_speaks_the_language_asked_for_and_hides_withdrawn_services(client, catalogue):
    english = client.get("/api/v1/services/cap-doi-giay-phep-lai-xe/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["name"] == "Driving licence renewal"
    assert english["eligibility"][0]["question"] == "Do you hold a Vietnamese driving licence?"

    OnlineService.objects.filter(slug="dang-ky-ket-hon").update(is_active=False)
    slugs = {s["slug"] for s in client.get("/api/v1/services/").json()["results"]}
    assert "dang-ky-ket-hon" not in slugs and "dang-ky-thuong-tru" in slugs
    gone = client.get("/api/v1/services/dang-ky-ket-hon/")
    assert gone.status_code == 404 and gone.json()["detail"] == "Không có dịch vụ công trực tuyến này."


def test_a_partly_online_service_says_which_step_needs_the_citizen_in_person(client, catalogue):
    marriage = client.get("/api/v1/services/dang-ky-ket-hon/").json()
    assert marriage["delivery"] == "partly_online"
    assert "phải có mặt" in marriage["presence_step"]
    # Both sign in person, where the certificate is handed over: nothing to choose about delivery.
    assert "partner_id_number" in marriage["form_schema"]["required"]
    assert "delivery" not in marriage["form_schema"]["properties"]


def test_death_registration_asks_about_the_deceased_not_a_free_text_request(client, catalogue):
    death = client.get("/api/v1/services/dang-ky-khai-tu/").json()
    assert {"deceased_name", "deceased_id_number", "date_of_death", "place_of_death"} <= set(
        death["form_schema"]["required"]
    )
    assert "request" not in death["form_schema"]["properties"]


def test_an_app_names_the_wallet_licence_instead_of_sending_a_copy(client, citizen):
    """Submit once: the licence is in the citizen's VNeID wallet, so the app names it rather than photographing it."""
    service = client.get("/api/v1/services/cap-doi-giay-phep-lai-xe/").json()
    licence = next(c for c in service["components"] if c["provided_by"] == "driving_licence")
    health = next(c for c in service["components"] if c["provided_by"] is None and c["mandatory"])

    def file(wallet):
        return client.post(
            "/api/v1/records/",
            {
                "service": service["slug"],
                "data": json.dumps({"reason": "expired", "delivery": "online"}),
                "eligibility": json.dumps({"has_licence": True}),
                "wallet": json.dumps(wallet),
                health["field"]: files.pdf("suc-khoe.pdf"),
            },
        )

    unknown = file({str(licence["id"]): "999999999999"})
    assert unknown.status_code == 400
    assert unknown.json()["wallet"] == [
        f"{licence['name']}: không tìm thấy giấy tờ số 999999999999 trong ví giấy tờ điện tử của bạn."
    ]
    not_replaceable = file({str(health["id"]): "012345678901"})
    assert "không thay được bằng giấy tờ trong ví VNeID" in not_replaceable.json()["wallet"][0]
    assert not Record.objects.exclude(state=RecordState.DRAFT).exists()

    filed = file({str(licence["id"]): "012345678901"})
    assert filed.status_code == 201, filed.content
    record = Record.objects.get(pk=filed.json()["id"])
    assert record.replaced_components[str(licence["id"])]["document"]["number"] == "012345678901"
    assert [a.original_name for a in record.attachments.all()] == ["suc-khoe.pdf"]  # no copy of the licence
