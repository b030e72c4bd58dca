"""Who may open what: citizens only through VNeID, officers with password and TOTP, each in their own agency."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core.exceptions import PermissionDenied

from identity import activation, services
from identity.constants import AssuranceLevel, AuthEventKind, StaffRole
from identity.models import AuthEvent, StaffMembership, User
from procedures.constants import AgencyLevel
from procedures.models import Agency
from tests.staff import STAFF_PASSWORD, officer, totp_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    return (
        Agency.objects.create(code="TEST.A", name="Ủy ban nhân dân xã A", level=AgencyLevel.CENTRAL),
        Agency.objects.create(code="TEST.B", name="Ủy ban nhân dân xã B", level=AgencyLevel.CENTRAL),
    )


def _officer(username, agency=None, role=StaffRole.RECEIVER, totp=True, kind=User.Kind.STAFF):
    return officer(username, agency, *([role] if agency is not None else []), totp=totp, kind=kind)


def _staff_login(client, user):
    response = client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/")
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_now(user.totp_secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def _citizen(
    client,
    acr=AssuranceLevel.LOA1,
    uid="11111111-1111-1111-1111-111111111111",
    name="Nguyễn Văn Dân",
    id_number="001090000001",
):
    """A citizen account as a VNeID login leaves it (the full flow is in test_oidc_live)."""
    user = User.objects.create(username=f"vneid-{uid}", kind=User.Kind.CITIZEN)
    user.set_unusable_password()
    user.save()
    SocialAccount.objects.create(
        user=user,
        provider="vneid",
        uid=uid,
        extra_data={"userinfo": {"sub": uid, "name": name, "id_number": id_number, "acr": acr}},
    )
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[services.SESSION_ACR_KEY] = acr
    session.save()
    return user


def test_officer_logs_in_with_password_then_totp(client, agencies):
    user = _officer("canbo", agencies[0])
    response = _staff_login(client, user)
    assert response["Location"] == "/backoffice/"
    page = client.get("/backoffice/").content.decode()
    assert "Ủy ban nhân dân xã A" in page and "Cán bộ tiếp nhận" in page
    assert AuthEvent.objects.filter(kind=AuthEventKind.LOGIN_SUCCEEDED, user=user).exists()


def test_a_wrong_totp_code_does_not_log_in(client, agencies):
    user = _officer("canbo", agencies[0])
    client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD})
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": "000000" if totp_now(user.totp_secret) != "000000" else "111111"}
    )
    assert response.status_code == 200
    assert "Mã xác thực không đúng hoặc đã hết hạn" in response.content.decode()
    assert client.get("/backoffice/")["Location"].startswith("/accounts/login/")


def test_the_login_speaks_vietnamese_and_names_the_officer(client, agencies):
    """allauth has no Vietnamese of its own: its errors and messages come in the portal's words."""
    user = _officer("canbo", agencies[0])
    user.first_name, user.last_name = "Hương", "Đỗ Thị"
    user.save()
    wrong = client.post("/accounts/login/", {"login": user.username, "password": "sai-mat-khau"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in wrong.content.decode()
    _staff_login(client, user)
    page = client.get("/backoffice/").content.decode()
    assert "Xin chào Đỗ Thị Hương, bạn đã đăng nhập." in page and "Successfully signed in" not in page
    response = client.post("/accounts/logout/", follow=True)
    assert "Bạn đã đăng xuất." in response.content.decode()


@pytest.mark.django_db(transaction=True)  # allauth announces the new authenticator on commit, as in production
def test_officer_without_totp_must_enrol_before_working(client, agencies):
    user = _officer("moi", agencies[0], totp=False)
    response = client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD})
    assert response.status_code == 302
    response = client.get("/backoffice/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/totp/activate/")

    # The password alone does not reach the QR code: the activation code from the officer's head comes first.
    asked = client.get(response["Location"])
    assert asked.status_code == 302 and asked["Location"].startswith("/accounts/2fa/activation/")
    assert "Mã kích hoạt" in client.get(asked["Location"]).content.decode()
    code, _row = activation.issue(user)
    assert client.post(asked["Location"], {"code": code})["Location"].startswith("/accounts/2fa/totp/activate/")

    # Enrolment: allauth asks for the password again first, then shows the QR code; both in Vietnamese,
    # and the QR code's text alternative describes it rather than spelling out the secret.
    confirm = client.get(response["Location"], follow=True)
    assert "Xác nhận mật khẩu" in confirm.content.decode()
    response = client.post(
        "/accounts/reauthenticate/", {"password": STAFF_PASSWORD, "next": "/accounts/2fa/totp/activate/"}
    )
    assert response.status_code == 302
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="authenticator_secret" value="(\w+)"', page).group(1)
    assert "Bật xác thực hai lớp" in page and f'alt="{secret}"' not in page
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_now(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/backoffice/").status_code == 200  # the activation code was this session's second factor


def test_citizens_cannot_log_in_with_a_password(client):
    user = User.objects.create_user(username="congdan", password=STAFF_PASSWORD, kind=User.Kind.CITIZEN)
    response = client.post("/accounts/login/", {"login": user.username, "password": STAFF_PASSWORD})
    assert response.status_code == 200
    assert "VNeID" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_no_self_signup(client):
    """Citizens get an account from VNeID, officers from an administrator: a complete, valid signup makes none."""
    password = "Mot-Mat-Khau-Rat-Manh-2026!"
    response = client.post("/accounts/signup/", {"username": "tudangky", "password1": password, "password2": password})
    assert response.status_code == 200
    assert "Rất tiếc, hiện không thể đăng ký tài khoản tại đây." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert not User.objects.exists()


def test_staff_pages_refuse_citizens(client, agencies):
    _citizen(client)
    assert client.get("/backoffice/").status_code == 403
    assert client.get("/backoffice/agencies/TEST.A/").status_code == 403
    # The admin index sends non-staff to its login page, which refuses a signed-in citizen.
    assert client.get("/admin/", follow=True).status_code == 403
    assert AuthEvent.objects.filter(kind=AuthEventKind.ACCESS_DENIED).exists()


def test_citizen_pages_refuse_officers(client, agencies):
    _staff_login(client, _officer("canbo", agencies[0]))
    assert client.get("/my-account/").status_code == 403
    assert client.get("/my-account/step-up/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_right_door(client):
    assert client.get("/my-account/")["Location"].startswith("/login/?next=")
    assert client.get("/backoffice/")["Location"].startswith("/accounts/login/?next=")


def test_a_citizen_sees_only_their_own_profile(client):
    _citizen(client, uid="22222222-2222-2222-2222-222222222222", name="Trần Thị Khác", id_number="001193000002")
    client.logout()
    _citizen(client, uid="11111111-1111-1111-1111-111111111111", name="Nguyễn Văn Dân", id_number="001090000001")
    page = client.get("/my-account/").content.decode()
    assert "Nguyễn Văn Dân" in page and "001090000001" in page
    assert "Trần Thị Khác" not in page and "001193000002" not in page
    # No parameter selects somebody else.
    page = client.get("/my-account/?user=1&id_number=001193000002").content.decode()
    assert '<dd id="id-number">001090000001</dd>' in page
    assert "Trần Thị Khác" not in page


def test_a_level1_citizen_is_asked_to_step_up(client):
    from django.http import HttpResponse

    from identity.decorators import assurance_required

    @assurance_required(AssuranceLevel.LOA2)
    def file_record(request):
        return HttpResponse("filed")

    from django.test import RequestFactory

    user = _citizen(client, acr=AssuranceLevel.LOA1)
    request = RequestFactory().get("/services/x/file/")
    request.user = user
    request.session = client.session
    response = file_record(request)
    assert response.status_code == 302 and response["Location"].startswith("/my-account/step-up/?next=")
    session = client.session
    session[services.SESSION_ACR_KEY] = AssuranceLevel.LOA2
    session.save()
    request.session = client.session
    assert file_record(request).content == b"filed"
    # The account page hides the wallet below level 2.
    session[services.SESSION_ACR_KEY] = AssuranceLevel.LOA1
    session.save()
    assert "wallet-step-up" in client.get("/my-account/").content.decode()


def test_an_officer_cannot_act_for_another_agency(client, agencies):
    agency_a, agency_b = agencies
    user = _officer("canbo", agency_a, StaffRole.PROCESSOR)
    _staff_login(client, user)
    assert client.get("/backoffice/agencies/TEST.A/").status_code == 200
    assert client.get("/backoffice/agencies/TEST.B/").status_code == 403

    services.require_role(user, agency_a, StaffRole.PROCESSOR)
    with pytest.raises(PermissionDenied):
        services.require_role(user, agency_b, StaffRole.PROCESSOR)
    with pytest.raises(PermissionDenied):
        services.require_role(user, agency_a, StaffRole.APPROVER)


def test_the_agency_head_may_act_in_every_role_of_their_agency_only(agencies):
    head = _officer("thutruong", agencies[0], StaffRole.AGENCY_HEAD, totp=False)
    for role in StaffRole.values:
        assert services.has_role(head, agencies[0], role)
    assert not services.has_role(head, agencies[1], StaffRole.RECEIVER)


def test_citizens_cannot_hold_agency_roles(agencies):
    citizen = User.objects.create(username="dan", kind=User.Kind.CITIZEN)
    with pytest.raises(ValueError):
        services.grant_role(citizen, agencies[0], StaffRole.RECEIVER)
    assert not StaffMembership.objects.exists()
    assert not services.has_role(citizen, agencies[0])


def test_an_unreachable_vneid_gets_a_503_that_says_what_to_do(client, settings):
    """The portal's OIDC client cannot reach the issuer (here: a closed port on this machine)."""
    from allauth.socialaccount.models import SocialApp

    SocialApp.objects.update_or_create(
        provider="openid_connect",
        provider_id="vneid",
        defaults={
            "name": "VNeID",
            "client_id": "x",
            "secret": "y",
            "settings": {"server_url": "http://127.0.0.1:9/vneid"},
        },
    )
    response = client.post("/accounts/oidc/vneid/login/?process=login")
    assert response.status_code == 503
    assert "VNeID tạm thời không phản hồi" in response.content.decode()
    assert AuthEvent.objects.filter(kind=AuthEventKind.LOGIN_FAILED, detail__startswith="VNeID unreachable").exists()
