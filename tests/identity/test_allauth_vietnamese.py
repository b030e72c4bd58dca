"""allauth's own pages, flash messages and form errors in Vietnamese (``locale/vi``), and still English on the en site.

allauth ships no Vietnamese; the portal's ``locale/vi/LC_MESSAGES/django.po`` translates allauth's English msgids.
Each page below is checked both ways: in Vietnamese (the default) it shows the Vietnamese and none of allauth's
English; with the ``django_language=en`` cookie it shows allauth's English as before.
"""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.utils.html import escape

from identity.constants import StaffRole
from procedures.constants import AgencyLevel
from procedures.models import Agency
from tests.backoffice.conftest import STAFF_PASSWORD, make_officer, staff_login

pytestmark = pytest.mark.django_db

# (path, [(allauth's English, the Vietnamese the page shows instead), ...])
PAGES = [
    (
        "/accounts/2fa/",
        [
            ("Two-Factor Authentication", "Xác thực hai lớp"),
            ("Authenticator App", "Ứng dụng xác thực"),
            ("Authentication using an authenticator app is active.", "Xác thực bằng ứng dụng xác thực đang được bật."),
            ("Deactivate", "Tắt"),
            ("Recovery Codes", "Mã khôi phục"),
            (
                "There are 10 out of 10 recovery codes available.",
                "Còn 10 trên tổng số 10 mã khôi phục chưa dùng.",
            ),
            ("Download", "Tải về"),
            ("Generate", "Tạo mới"),
        ],
    ),
    (
        "/accounts/2fa/recovery-codes/",
        [
            ("Recovery Codes", "Mã khôi phục"),
            (
                "There are 10 out of 10 recovery codes available.",
                "Còn 10 trên tổng số 10 mã khôi phục chưa dùng.",
            ),
            ("Unused codes", "Mã chưa sử dụng"),
            ("Download codes", "Tải về các mã"),
            ("Generate new codes", "Tạo bộ mã mới"),
        ],
    ),
    (
        "/accounts/2fa/recovery-codes/generate/",
        [
            ("Recovery Codes", "Mã khôi phục"),
            (
                "You are about to generate a new set of recovery codes for your account.",
                "Bạn sắp tạo một bộ mã khôi phục mới cho tài khoản của mình.",
            ),
            ("This action will invalidate your existing codes.", "Các mã khôi phục hiện có sẽ không còn hiệu lực."),
            ("Generate", "Tạo mới"),
        ],
    ),
    (
        "/accounts/2fa/totp/deactivate/",
        [
            ("Deactivate Authenticator App", "Tắt ứng dụng xác thực"),
            (
                "You are about to deactivate authenticator app based authentication. Are you sure?",
                "Bạn sắp tắt xác thực bằng ứng dụng xác thực. Bạn có chắc chắn không?",
            ),
            ("Deactivate", "Tắt"),
        ],
    ),
    (
        "/accounts/logout/",
        [
            ("Sign Out", "Đăng xuất"),
            ("Are you sure you want to sign out?", "Bạn có chắc chắn muốn đăng xuất?"),
        ],
    ),
    (
        "/accounts/password/change/",
        [
            ("Change Password", "Đổi mật khẩu"),
            ("Current Password", "Mật khẩu hiện tại"),
            ("New Password (again)", "Nhập lại mật khẩu mới"),
            ("Forgot your password?", "Quên mật khẩu?"),
        ],
    ),
    (
        "/accounts/password/reset/",
        [
            ("Password Reset", "Đặt lại mật khẩu"),
            ("Reset My Password", "Đặt lại mật khẩu"),
            (
                "Please contact us if you have any trouble resetting your password.",
                "Nếu gặp khó khăn khi đặt lại mật khẩu, hãy liên hệ với chúng tôi.",
            ),
        ],
    ),
    (
        "/accounts/password/reset/done/",
        [
            ("Password Reset", "Đặt lại mật khẩu"),
            ("We have sent you an email.", "Chúng tôi đã gửi thư cho bạn."),
        ],
    ),
    (
        "/accounts/password/reset/key/1-khong-hop-le/",
        [
            ("Bad Token", "Đường dẫn không hợp lệ"),
            ("The password reset link was invalid", "Đường dẫn đặt lại mật khẩu không hợp lệ"),
        ],
    ),
    (
        "/accounts/password/reset/key/done/",
        [
            ("Change Password", "Đổi mật khẩu"),
            ("Your password is now changed.", "Mật khẩu của bạn đã được thay đổi."),
        ],
    ),
    (
        "/accounts/email/",
        [
            ("Email Addresses", "Địa chỉ thư điện tử"),
            ("Add Email Address", "Thêm địa chỉ thư điện tử"),
            ("Add Email", "Thêm thư điện tử"),
        ],
    ),
    (
        "/accounts/3rdparty/",
        [
            ("Account Connections", "Tài khoản liên kết"),
            (
                "You currently have no third-party accounts connected to this account.",
                "Tài khoản này hiện chưa liên kết với tài khoản bên thứ ba nào.",
            ),
            ("Add a Third-Party Account", "Liên kết tài khoản bên thứ ba"),
        ],
    ),
]


@pytest.fixture
def officer():
    agency = Agency.objects.create(code="TEST.VI", name="Ủy ban nhân dân xã Thử", level=AgencyLevel.CENTRAL)
    user = make_officer("canbo.vi", agency, StaffRole.RECEIVER)
    user.email = "canbo.vi@example.gov.vn"
    user.save(update_fields=["email"])
    RecoveryCodes.activate(user)
    return user


@pytest.fixture
def officer_client(client, officer):
    """Logged in with password and TOTP, then reauthenticated, as allauth asks before MFA changes."""
    staff_login(client, officer)
    response = client.post("/accounts/reauthenticate/", {"password": STAFF_PASSWORD})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.get("/accounts/2fa/")  # consume the "logged in" flash message
    return client


def page(client, path, language):
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code, response.get("Location"))
    return response.content.decode()


@pytest.mark.parametrize(("path", "texts"), PAGES, ids=[path for path, _texts in PAGES])
def test_allauth_page_is_vietnamese(officer_client, path, texts):
    html = page(officer_client, path, "vi")
    for _english, vietnamese in texts:
        assert escape(vietnamese) in html, (path, vietnamese)
    for english, _vietnamese in texts:
        assert escape(english) not in html, (path, english)


@pytest.mark.parametrize(("path", "texts"), PAGES, ids=[path for path, _texts in PAGES])
def test_allauth_page_stays_english_on_the_english_site(officer_client, path, texts):
    html = page(officer_client, path, "en")
    for english, vietnamese in texts:
        assert escape(english) in html, (path, english)
        if vietnamese not in ("Tắt", "Tạo mới"):  # too short to be sure the portal's own English has none
            assert escape(vietnamese) not in html, (path, vietnamese)


def test_recovery_codes_download_is_served(officer_client):
    """The download is the bare list of codes: nothing to translate, only reachable."""
    officer_client.cookies["django_language"] = "vi"
    response = officer_client.get("/accounts/2fa/recovery-codes/download/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert len(response.content.decode().split()) == 10


@pytest.mark.parametrize(
    ("language", "password2", "expected", "absent"),
    [
        (
            "vi",
            "Khac-han-2026!",
            "Hai lần nhập mật khẩu phải giống nhau.",
            "You must type the same password each time.",
        ),
        (
            "en",
            "Khac-han-2026!",
            "You must type the same password each time.",
            "Hai lần nhập mật khẩu phải giống nhau.",
        ),
        ("vi", "Mat-khau-moi-2026!", "Đổi mật khẩu thành công.", "Password successfully changed."),
        ("en", "Mat-khau-moi-2026!", "Password successfully changed.", "Đổi mật khẩu thành công."),
    ],
    ids=["vi-error", "en-error", "vi-message", "en-message"],
)
def test_password_change_error_and_message(officer_client, language, password2, expected, absent):
    officer_client.cookies["django_language"] = language
    response = officer_client.post(
        "/accounts/password/change/",
        {"oldpassword": STAFF_PASSWORD, "password1": "Mat-khau-moi-2026!", "password2": password2},
        follow=True,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert expected in html
    assert absent not in html


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        ("vi", "Thư đặt lại mật khẩu", "Bấm vào đường dẫn dưới đây để đặt lại mật khẩu."),
        ("en", "Password Reset Email", "Click the link below to reset your password."),
    ],
    ids=["vi", "en"],
)
def test_password_reset_email(client, officer, language, subject, body):
    client.cookies["django_language"] = language
    response = client.post("/accounts/password/reset/", {"email": officer.email})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert subject in message.subject
    assert body in message.body
