"""Texts people read: names in Vietnamese order, dates as d/m/Y, 403 and CSRF pages, a cancelled VNeID login.

Pages in English are checked against the English catalogue (``locale/en``): the page shows what it holds.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from identity.constants import StaffRole
from identity.models import User
from procedures.models import Agency
from records.models import Record
from tests.backoffice.conftest import make_officer, staff_login
from tests.records.conftest import catalogue, citizen, citizen_account, family, filled_draft, login  # noqa: F401
from tests.records.test_filing import LICENCE_FORM, answer_eligibility, filing_url, start

pytestmark = pytest.mark.django_db


def in_english(msgid: str) -> str:
    """The English the catalogue holds for ``msgid``, as it appears in a page; never the Vietnamese itself."""
    with translation.override("en"):
        text = translation.gettext(msgid)
    assert text != msgid, f"no English for {msgid!r}"
    return escape(text)


def english(client):
    client.cookies["django_language"] = "en"
    return client


# --- Names -------------------------------------------------------------------------------------------------


def test_full_name_is_in_vietnamese_order():
    user = User(username="huong", first_name="Hương", last_name="Đỗ Thị")
    assert user.get_full_name() == "Đỗ Thị Hương"
    assert user.get_short_name() == "Hương"
    assert User(username="a", first_name="Hương").get_full_name() == "Hương"
    assert User(username="b", last_name="Đỗ Thị").get_full_name() == "Đỗ Thị"
    assert User(username="c").get_full_name() == ""


def test_backoffice_home_greets_the_officer_by_full_name_in_vietnamese_order(client, catalogue):  # noqa: F811
    officer = make_officer("huongdt", Agency.objects.order_by("code").first(), StaffRole.RECEIVER)
    officer.first_name, officer.last_name = "Hương", "Đỗ Thị"
    officer.save(update_fields=["first_name", "last_name"])
    staff_login(client, officer)

    html = client.get(reverse("backoffice:home")).content.decode()

    assert "Xin chào Đỗ Thị Hương." in html
    assert "Hương Đỗ Thị" not in html


# --- Dates -------------------------------------------------------------------------------------------------


def test_my_account_shows_birth_and_document_dates_as_day_month_year(client, citizen, family):  # noqa: F811
    licence = family["father"].edocuments.get()

    html = client.get(reverse("identity:my_account")).content.decode()

    assert "04/03/1992" in html and "1992-03-04" not in html
    assert licence.expires_on.strftime("%d/%m/%Y") in html
    assert licence.expires_on.isoformat() not in html


def test_review_and_record_pages_show_date_answers_as_day_month_year(client, citizen, family):  # noqa: F811
    record = filled_draft(citizen, family["father"])

    html = client.get(reverse("records:step", args=[record.pk, "review"])).content.decode()

    assert "04/03/1992" in html and "1992-03-04" not in html
    assert "Đăng ký thường trú" in html  # other answers unchanged


def test_attachments_page_shows_wallet_document_expiry_as_day_month_year(client, citizen, family):  # noqa: F811
    expires_on = family["father"].edocuments.get().expires_on
    base = filing_url(start(client))
    answer_eligibility(client, base)
    client.post(base + "form/", {**LICENCE_FORM, "continue": ""})

    html = client.get(base + "attachments/").content.decode()

    assert "012345678901" in html
    assert expires_on.strftime("%d/%m/%Y") in html and expires_on.isoformat() not in html


def test_date_filter_leaves_non_dates_alone():
    from portal.templatetags.date_tags import dmy

    assert dmy("1992-03-12") == "12/03/1992"
    assert dmy(datetime.date(2026, 1, 2)) == "02/01/2026"
    for value in ("", None, "Đăng ký thường trú", "1992-13-45", "12/03/1992", 42, "1992-03-12T10:00"):
        assert dmy(value) == value


# --- 403 -----------------------------------------------------------------------------------------------------


def test_403_page_shows_why_and_what_to_do(client, citizen):  # noqa: F811
    response = client.get(reverse("backoffice:home"))
    html = response.content.decode()

    assert response.status_code == 403
    assert "Bạn không có quyền truy cập trang này" in html
    assert "Trang này chỉ dành cho cán bộ, công chức." in html  # the PermissionDenied message
    assert "hãy đăng xuất rồi đăng nhập lại bằng tài khoản đó" in html
    assert f'href="{reverse("home")}"' in html
    assert "403 Forbidden" not in html


def test_403_page_in_english(client, citizen):  # noqa: F811
    html = english(client).get(reverse("backoffice:home")).content.decode()

    assert '<html lang="en">' in html
    assert in_english("Bạn không có quyền truy cập trang này") in html
    assert in_english("Trang này chỉ dành cho cán bộ, công chức.") in html


def test_csrf_failure_says_the_form_expired_and_nothing_was_saved(catalogue, family):  # noqa: F811
    browser = login(Client(enforce_csrf_checks=True), citizen_account(family["father"]))

    response = browser.post("/services/cap-doi-giay-phep-lai-xe/start/")
    html = response.content.decode()

    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in html
    assert "Thông tin bạn vừa gửi chưa được lưu." in html
    assert "tải lại trang rồi gửi lại biểu mẫu" in html
    assert "CSRF verification failed" not in html
    assert not Record.objects.exists()


def test_csrf_failure_in_english(catalogue):  # noqa: F811
    browser = english(Client(enforce_csrf_checks=True))

    html = browser.post("/services/cap-doi-giay-phep-lai-xe/start/").content.decode()

    assert '<html lang="en">' in html
    assert in_english("Biểu mẫu đã hết hạn") in html
    assert in_english("Thông tin bạn vừa gửi chưa được lưu.") in html


# --- Cancelled VNeID login -------------------------------------------------------------------------------------


def test_cancelled_vneid_login_points_to_the_citizen_login(client, db):
    response = client.get(reverse("socialaccount_login_cancelled"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Bạn đã hủy đăng nhập bằng VNeID" in html
    assert f'href="{reverse("identity:login")}"' in html
    assert f'href="{reverse("home")}"' in html
    assert "Login Cancelled" not in html
    assert f'href="{reverse("account_login")}"' not in html.split('id="main"')[1].split("</main>")[0]


def test_cancelled_vneid_login_in_english(client, db):
    html = english(client).get(reverse("socialaccount_login_cancelled")).content.decode()

    assert in_english("Bạn đã hủy đăng nhập bằng VNeID") in html
    assert in_english("Đăng nhập bằng VNeID") in html


def test_vneid_authentication_error_points_to_the_citizen_login(rf, db):
    from allauth.socialaccount.helpers import render_authentication_error
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/accounts/vneid/login/callback/")
    request.user, request.session = AnonymousUser(), SessionStore()
    response = render_authentication_error(request, None)
    html = response.content.decode()

    assert response.status_code == 401
    assert "Chưa đăng nhập được bằng VNeID" in html
    assert f'href="{reverse("identity:login")}"' in html
    assert "Third-Party Login Failure" not in html


def test_the_payments_app_is_called_payments_not_pay_in_english():
    """ "Thanh toán" is both the verb on buttons and the app's name in the admin: told apart by context."""
    from django.apps import apps

    with translation.override("en"):
        assert str(apps.get_app_config("payments").verbose_name) == "Payments"
        assert translation.gettext("Thanh toán") == "Pay"


def test_a_single_overdue_record_is_not_called_overdue_records():
    from notifications.constants import Event

    with translation.override("en"):
        assert str(Event.OFFICER_OVERDUE.label) == "Record overdue"
        assert translation.gettext("Hồ sơ quá hạn") == "Overdue records"  # the agency head's list keeps its title
