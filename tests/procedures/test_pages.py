"""Public pages: home, results, procedure page, QR code, error pages."""

import io
import xml.etree.ElementTree as ET

import pytest
import segno

from procedures import services

from . import factories

pytestmark = pytest.mark.django_db


def test_home_shows_search_popular_recent_and_browse(client):
    factories.published("1.001193", "Đăng ký khai sinh")
    html = client.get("/").content.decode()
    assert 'name="q"' in html
    assert "Thủ tục được quan tâm" in html
    assert "Thủ tục mới cập nhật" in html
    assert "?sector=ho-tich" in html
    assert "?level=commune" in html
    assert "?agency=000.00.01.H01" in html
    assert 'class="skip-link"' in html


def test_results_page_shows_count_and_results(client):
    factories.published("1.001193", "Đăng ký khai sinh")
    html = client.get("/procedures/", {"q": "dang ky khai sinh"}).content.decode()
    assert "Tìm thấy 1 thủ tục" in html
    assert "/procedures/1.001193/" in html


def test_results_page_with_bad_input_answers_400_with_an_error_summary(client):
    response = client.get("/procedures/", {"q": "x" * 300, "level": "huyen"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'href="#id_q"' in html
    assert "200" in html
    assert "huyen" in html
    assert "x" * 300 in html  # what the user typed is kept


def test_results_page_out_of_range_shows_the_last_page(client):
    factories.published("1.001193")
    response = client.get("/procedures/", {"page": "50"})
    assert response.status_code == 200
    assert "Trang bạn yêu cầu không tồn tại" in response.content.decode()


def test_procedure_page_shows_every_part(client):
    version = factories.published("1.001193", "Đăng ký khai sinh", fee=8_000, processing_note="Trong ngày")
    html = client.get("/procedures/1.001193/").content.decode()
    for expected in (
        "1.001193",
        "Đăng ký khai sinh",
        "Hộ tịch",
        "Cấp xã",
        "Toàn trình",
        "3 ngày làm việc",
        "Tờ khai số 1",
        "8.000",
        "60/2014/QH13",
        "Sở Tư pháp thành phố Hà Nội",
        "Trực tuyến",
        "/procedures/1.001193/qr.svg",
    ):
        assert expected in html, expected
    assert version.procedure.versions.count() == 1


def test_procedure_page_counts_views_for_popularity(client):
    version = factories.published("1.001193")
    client.get("/procedures/1.001193/")
    client.get("/procedures/1.001193/")
    assert services.flush_view_counts() == 2
    version.procedure.refresh_from_db()
    assert version.procedure.view_count == 2
    assert services.flush_view_counts() == 0


def test_earlier_version_stays_readable(client):
    first = factories.published("1.001193", "Đăng ký khai sinh")
    draft = services.create_draft(first.procedure)
    draft.name = "Đăng ký khai sinh (mới)"
    draft.save()
    services.publish_version(draft)
    assert "Đăng ký khai sinh (mới)" in client.get("/procedures/1.001193/").content.decode()
    old = client.get("/procedures/1.001193/", {"version": 1}).content.decode()
    assert "Bạn đang xem phiên bản 1" in old
    assert "Đăng ký khai sinh (mới)</h1>" not in old


def test_qr_code_is_an_svg_pointing_at_the_page(client, settings):
    settings.PORTAL_BASE_URL = "https://dichvucong.example"
    factories.published("1.001193")
    # Built from PORTAL_BASE_URL, whatever Host the request names (the picture is cached publicly).
    response = client.get("/procedures/1.001193/qr.svg", HTTP_HOST="localhost")
    assert response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)
    assert root.tag.endswith("svg")
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    expected = io.BytesIO()
    segno.make("https://dichvucong.example/procedures/1.001193/", error="m").save(
        expected, kind="svg", scale=4, title="1.001193", border=2
    )
    assert response.content == expected.getvalue()


def test_unknown_procedure_gets_the_vietnamese_404_page(client):
    response = client.get("/procedures/9.999999/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
    assert client.get("/procedures/1.001193/", {"version": "x"}).status_code == 404


def test_server_error_page_is_in_vietnamese(client, settings):
    from django.test import Client
    from django.urls import path

    def boom(request):
        raise RuntimeError("boom")

    settings.ROOT_URLCONF = type(
        "urls", (), {"urlpatterns": [path("boom/", boom)], "handler500": "portal.views.server_error"}
    )
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_english_is_available(client):
    factories.published("1.001193", "Đăng ký khai sinh", name_en="Birth registration")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/procedures/1.001193/").content.decode()
    assert '<html lang="en">' in html
    assert "Birth registration" in html


def test_vietnamese_is_the_default_whatever_the_browser_prefers(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html


def test_home_lists_follow_publication_and_retirement(client):
    factories.published("1.001193", "Đăng ký khai sinh")
    assert "Đăng ký khai tử" not in client.get("/").content.decode()
    death = factories.published("1.000656", "Đăng ký khai tử")
    assert "Đăng ký khai tử" in client.get("/").content.decode()
    services.retire_procedure(death.procedure)
    assert "Đăng ký khai tử" not in client.get("/").content.decode()


def test_english_pages_are_translated(client):
    factories.published("1.001193", "Đăng ký khai sinh", name_en="Birth registration")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    home = client.get("/").content.decode()
    assert "Administrative procedures" in home
    assert "Thủ tục hành chính" not in home
    detail = client.get("/procedures/1.001193/").content.decode()
    assert "Full-process online" in detail
    assert "3 working days" in detail


def test_the_browsers_favicon_request_finds_the_emblem(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/emblem.svg"
    assert client.get(response["Location"]).status_code == 200


def test_search_filters_fold_away_unless_one_is_used(client):
    plain = client.get("/procedures/", {"q": "giay phep lai xe"}).content.decode()
    assert '<details class="more-filters">' in plain
    filtered = client.get("/procedures/", {"q": "giay phep lai xe", "level": "province"}).content.decode()
    assert '<details class="more-filters" open>' in filtered and "cơ quan… (1)</summary>" in filtered
