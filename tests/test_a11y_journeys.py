"""A citizen's journey on a 360 px phone with axe-core injected on every page state they see: the catalogue,
a procedure and its service, logging in, the start confirmation, each filing step (an error state included),
"Hồ sơ của tôi", the record, the notifications (in English too), the account, the public lookup and its result.
Each must have no serious or critical accessibility violation."""

import re

import pytest
from django.test import Client

from records.models import Record
from tests.a11y import assert_no_serious_axe_violations
from tests.records.conftest import catalogue, citizen_account, family, login  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page, url_pattern=None):
    if url_pattern:
        page.wait_for_url(re.compile(url_pattern))
    page.wait_for_load_state("load")
    assert_no_serious_axe_violations(page)


def test_a_citizens_journey_has_no_serious_accessibility_violation(page, live_server, family, settings):  # noqa: F811
    settings.PORTAL_BASE_URL = live_server.url
    base = live_server.url
    father = family["father"]

    # Anonymous: the catalogue, a procedure, its online service and the login page.
    page.goto(base + "/")
    _checked(page)
    page.get_by_label("Tìm thủ tục hành chính").fill("dang ky thuong tru")
    page.get_by_role("button", name="Tìm kiếm").click()
    _checked(page, r"/procedures/\?")
    page.goto(base + "/procedures/?level=huyen")  # a refused filter: the error summary
    _checked(page)
    page.goto(base + "/procedures/1.004194/")
    _checked(page)
    page.goto(base + "/services/dang-ky-thuong-tru/")
    _checked(page)
    page.get_by_role("link", name="Đăng nhập bằng VNeID để nộp hồ sơ").click()
    _checked(page, r"/login/")

    # Logged in (the VNeID login itself is tested in identity): the filing, step by step.
    user = citizen_account(father)
    cookie = login(Client(), user).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base}])
    page.goto(base + "/services/dang-ky-thuong-tru/start/")  # a start link followed later: one confirmation
    _checked(page)
    page.goto(base + "/services/dang-ky-thuong-tru/")
    _checked(page)
    page.get_by_role("button", name="Nộp hồ sơ trực tuyến").click()
    _checked(page, r"/form/$")
    page.get_by_role("button", name="Tiếp tục").click()  # nothing typed: the step refuses, naming the fields
    _checked(page, r"/form/")
    page.get_by_label("Nội dung đề nghị").fill("Đăng ký thường trú tại nhà riêng")
    page.get_by_label("Bản điện tử trên Cổng").check()
    page.get_by_role("button", name="Tiếp tục").click()
    _checked(page, r"/attachments/(#slot-[\w-]+)?$")
    page.get_by_role("button", name="Tiếp tục").click()
    _checked(page, r"/review/$")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    _checked(page, r"/done/$")

    record = Record.objects.get(applicant=user)
    page.goto(base + "/my/records/")
    _checked(page)
    page.goto(base + record.get_absolute_url())
    _checked(page)
    page.goto(base + "/notifications/")
    _checked(page)
    page.locator("main a", has_text=record.code).first.click()  # "Hồ sơ ... đã nộp": the message itself
    _checked(page, r"/notifications/\d+/$")
    page.goto(base + "/notifications/settings/")
    _checked(page)
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page.goto(base + "/notifications/")  # the English site: the same notices, in English
    _checked(page)
    page.context.add_cookies([{"name": "django_language", "value": "vi", "url": base}])
    page.goto(base + "/my-account/")
    _checked(page)
    page.locator("label[for=nav-toggle]").click()  # the phone menu, open
    assert_no_serious_axe_violations(page)

    # The public lookup and its result.
    page.goto(base + "/lookup/")
    _checked(page)
    page.get_by_label("Mã hồ sơ").fill(record.code)
    page.get_by_label("Số định danh cá nhân của người nộp").fill(father.id_number)
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_role("heading", name=re.compile(record.code)).wait_for()
    _checked(page)
