"""The assistant answers from the catalogue and the citizen's own records, asks back when several things fit, and
says it does not know (offering the hotline and the feedback form) rather than inventing anything."""

import pytest
from django.test import Client
from django.urls import reverse

from assistant import rephrasers
from records.constants import RecordState
from records.models import Record
from tests.procedures import factories as procedures
from tests.records.conftest import filled_draft, login

pytestmark = pytest.mark.django_db

API = "/api/v1/assistant/"


def ask(client, question="", **fields):
    body = {"question": question, **fields} if question else fields
    response = client.post(API, body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def test_two_procedures_fit_it_asks_first_time_or_renewal_and_then_answers_from_the_catalogue(client, db):
    procedures.published("1.100001", "Cấp giấy phép kinh doanh dịch vụ karaoke", fee=6_000_000, days=5)
    procedures.published("1.100002", "Cấp lại giấy phép kinh doanh dịch vụ karaoke", fee=1_500_000, days=3)

    asked = ask(client, "tôi muốn xin giấy phép karaoke thì làm thế nào?")
    assert asked["kind"] == "ask" and asked["slot"] == "variant"
    assert asked["text"] == "Bạn làm lần đầu hay cấp lại (cấp đổi)?"
    assert [o["label"] for o in asked["options"]] == ["Lần đầu", "Cấp lại, cấp đổi"]
    assert asked["cards"] == []  # nothing is answered before the citizen says which

    answered = ask(client, choice="renewal", context=asked["context"])
    assert answered["kind"] == "answer"
    [card] = answered["cards"]
    assert card["code"] == "1.100002"
    facts = {fact["label"]: fact["value"] for fact in card["facts"]}
    assert facts["Lệ phí"].startswith("1.500.000 đ")
    assert facts["Thời hạn giải quyết"].startswith("3 ngày làm việc")
    assert card["source"]["url"] == "/procedures/1.100002/"

    # Saying it in words does the same as pressing the option.
    again = ask(client, "lần đầu", context=asked["context"])
    assert [card["code"] for card in again["cards"]] == ["1.100001"]


def test_a_choice_not_offered_or_a_forged_context_is_a_400(client, db):
    procedures.published("1.100001", "Cấp giấy phép kinh doanh dịch vụ karaoke", fee=0)
    procedures.published("1.100002", "Cấp lại giấy phép kinh doanh dịch vụ karaoke", fee=0)
    asked = ask(client, "giấy phép karaoke")
    assert (
        client.post(API, {"choice": "p:1.100001", "context": asked["context"]}, "application/json").status_code == 400
    )
    forged = asked["context"][:-3] + "abc"
    assert client.post(API, {"choice": "new", "context": forged}, "application/json").status_code == 400
    assert client.post(API, {"question": ""}, "application/json").status_code == 400
    assert client.post(API, {"question": "x" * 501}, "application/json").status_code == 400
    assert client.post(API, "[1, 2", "application/json").status_code == 400


def test_birth_asks_procedure_or_bundle_then_the_province_for_a_visitor(client, catalogue):
    asked = ask(client, "con mới sinh cần làm gì")
    assert asked["slot"] == "option"
    labels = [o["label"] for o in asked["options"]]
    assert labels[0] == "Đăng ký khai sinh"
    assert labels[1].startswith("Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế")

    where = ask(client, choice="b:lien-thong-khai-sinh", context=asked["context"])
    assert where["slot"] == "province" and where["text"].startswith("Bạn đang ở tỉnh, thành phố nào?")
    hanoi = next(o for o in where["options"] if o["label"] == "Thành phố Hà Nội")

    answered = ask(client, choice=hanoi["value"], context=where["context"])
    [card] = answered["cards"]
    assert card["kind"] == "bundle" and card["id"] == "lien-thong-khai-sinh"
    assert {"label": "Nộp trực tuyến", "url": "/services/bundles/lien-thong-khai-sinh/start/", "primary": True} in card[
        "actions"
    ]
    assert all("Hồ Chí Minh" not in place for place in card["places"])


def test_a_procedure_card_says_which_papers_the_registry_or_the_wallet_replaces(client, catalogue):
    answered = ask(client, "đổi bằng lái xe ở Hà Nội")
    [card] = answered["cards"]
    assert card["code"] == "1.002804"
    notes = [paper["note"] for paper in card["papers"]]
    assert any("ví VNeID" in note or "dân cư" in note for note in notes), card["papers"]
    assert any(a["url"] == "/services/cap-doi-giay-phep-lai-xe/start/" and a["primary"] for a in card["actions"])
    assert any(fact["label"] == "Nộp trực tuyến" for fact in card["facts"])


def test_out_of_catalogue_it_says_it_does_not_know_and_offers_the_hotline_and_feedback(client, catalogue):
    answered = ask(client, "thủ tục xin visa du lịch đi Mỹ")
    assert answered["kind"] == "unknown"
    assert answered["cards"] == []
    assert "1800 1096" in answered["text"]
    urls = [link["url"] for link in answered["links"]]
    assert "tel:18001096" in urls and reverse("feedback:send") in urls


def test_in_english(client, catalogue):
    answered = ask(client, "I don't know what to do about a visa for the moon", HTTP_ACCEPT_LANGUAGE="en")
    assert answered["kind"] == "unknown"
    response = client.post(API, {"question": "visa moon"}, "application/json", HTTP_ACCEPT_LANGUAGE="en")
    assert "hotline" in response.json()["text"]


def test_a_citizen_asking_about_their_record_gets_their_own_and_never_another_s(client, catalogue, family):
    from tests.identity.factories import citizen_account

    mine = citizen_account(family["father"])
    theirs = citizen_account(family["mother"])
    own = _submitted(mine, family["father"])
    other = _submitted(theirs, family["mother"])
    Record.objects.filter(pk=own.pk).update(state=RecordState.IN_PROCESSING, due_date="2030-01-15")
    Record.objects.filter(pk=other.pk).update(state=RecordState.SUPPLEMENT_REQUESTED)

    login(client, mine)
    answered = ask(client, "hồ sơ của tôi đến đâu rồi?")
    assert answered["intent"] == "record_status"
    assert [card["code"] for card in answered["cards"]] == [own.code]
    facts = {fact["label"]: fact["value"] for fact in answered["cards"][0]["facts"]}
    assert facts["Trạng thái"] == "Đang xử lý"
    assert facts["Ngày hẹn trả kết quả"] == "15/01/2030"
    # Asking by the other's record code finds nothing of it.
    by_code = ask(client, f"hồ sơ {other.code} đến đâu rồi")
    assert by_code["cards"] == [] and other.code in by_code["text"]
    assert other.applicant_name not in str(by_code)

    when = ask(client, "khi nào có kết quả?")
    assert when["intent"] == "record_result_date" and [c["code"] for c in when["cards"]] == [own.code]
    fee = ask(client, "tôi phải nộp phí bao nhiêu?")
    assert fee["intent"] == "record_fee"
    assert {f["label"] for f in fee["cards"][0]["facts"]} >= {"Phí, lệ phí"}


def test_a_level_one_session_sees_no_level_two_record_data(catalogue, family):
    from tests.identity.factories import citizen_account

    user = citizen_account(family["father"])
    record = _submitted(user, family["father"])
    Record.objects.filter(pk=record.pk).update(state=RecordState.IN_PROCESSING, due_date="2030-01-15")
    client = login(Client(), user, acr="LoA1")
    answered = ask(client, "hồ sơ của tôi đến đâu rồi?")
    [card] = answered["cards"]
    assert card["facts"] == [] and "mức độ 2" in card["summary"]
    assert "Đang xử lý" not in str(answered) and "15/01/2030" not in str(answered)


def test_a_visitor_asking_about_their_record_is_asked_to_log_in(client, catalogue):
    answered = ask(client, "hồ sơ của tôi đến đâu rồi?")
    assert answered["kind"] == "login" and answered["cards"] == []
    assert any(link["url"].startswith("/login/") for link in answered["links"])


def test_the_rephraser_registry_defaults_to_none_and_only_rephrases(client, catalogue, settings):
    assert rephrasers.rephrasers.resolve(settings.ASSISTANT_REPHRASER) is rephrasers.NoRephraser

    @rephrasers.rephrasers.register("test-plain")
    class Plain(rephrasers.Rephraser):
        def rephrase(self, question, language):
            return "cấp đổi giấy phép lái xe ở Hà Nội"

    try:
        settings.ASSISTANT_REPHRASER = "test-plain"
        answered = ask(client, "cái thẻ để chạy xe máy hết hạn rồi")
        assert [card["code"] for card in answered["cards"]] == ["1.002804"]
    finally:
        rephrasers.rephrasers.unregister("test-plain")


def test_the_openai_rephraser_only_rephrases_over_http(client, catalogue, settings):
    """An OpenAI-compatible endpoint on this machine (no outside network): its words are searched with, its
    "facts" are not: the card still reads the catalogue's fee and time limit."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen = []

    class Endpoint(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's naming
            seen.append((self.path, json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            reply = "cấp đổi giấy phép lái xe ở Hà Nội, lệ phí 1 đồng, xong trong 1 giờ"
            body = json.dumps({"choices": [{"message": {"role": "assistant", "content": reply}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.ASSISTANT_REPHRASER = "openai"
        settings.ASSISTANT_REPHRASER_URL = f"http://127.0.0.1:{server.server_port}/v1"
        answered = ask(client, "cái thẻ để chạy xe máy hết hạn rồi")
    finally:
        server.shutdown()
    assert seen and seen[0][0] == "/v1/chat/completions"
    assert seen[0][1]["messages"][-1]["content"] == "cái thẻ để chạy xe máy hết hạn rồi"
    [card] = answered["cards"]
    assert card["code"] == "1.002804"
    assert "1 đồng" not in str(card) and "1 giờ" not in str(card)


def test_the_openai_rephraser_falls_back_to_the_question_when_the_endpoint_is_down(settings):
    settings.ASSISTANT_REPHRASER_URL = "http://127.0.0.1:9/v1"  # discard port: refused at once, no network
    settings.ASSISTANT_REPHRASER_TIMEOUT = 0.5
    assert rephrasers.OpenAICompatibleRephraser().rephrase("bằng lái", "vi") == "bằng lái"


def test_the_api_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/assistant/"]["post"]
    assert operation["operationId"] == "assistant_ask"
    assert "200" in operation["responses"] and "requestBody" in operation
    assert {"question", "choice", "context"} <= set(schema["components"]["schemas"]["Ask"]["properties"])
    assert "cards" in schema["components"]["schemas"]["Answer"]["properties"]


def test_the_api_is_throttled(client, catalogue, settings):
    settings.ASSISTANT_RATE = "2/minute"
    for _ in range(2):
        ask(client, "xin chào")
    assert client.post(API, {"question": "xin chào"}, "application/json").status_code == 429


def test_the_chat_page_without_javascript(client, catalogue):
    page = client.get("/assistant/")
    assert page.status_code == 200 and 'name="question"' in page.content.decode()
    response = client.post("/assistant/", {"question": "con mới sinh cần làm gì"})
    assert response.status_code == 302
    page = client.get("/assistant/").content.decode()
    assert "con mới sinh cần làm gì" in page and 'name="choice" value="b:lien-thong-khai-sinh"' in page
    assert client.post("/assistant/", {"question": ""}).status_code == 400


def test_every_page_carries_the_widget(client, catalogue):
    home = client.get("/").content.decode()
    assert 'class="assistant-widget"' in home and 'action="/assistant/"' in home
    assert 'class="assistant-widget"' not in client.get("/assistant/").content.decode()


def _submitted(user, person):
    from records import services as records_services

    record = filled_draft(user, person)
    records_services.submit(record, actor=user)
    record.refresh_from_db()
    return record
