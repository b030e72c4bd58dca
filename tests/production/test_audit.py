"""Issue #21: failed passwords, failed second factors and lock-outs, and role changes made in the admin are in
the append-only audit, which administrators search by identifier, kind and date; the database itself refuses
to change or delete an audit row."""

import pytest
from django.db import IntegrityError, InternalError, ProgrammingError, transaction
from django.test import Client

from identity.constants import AuthEventKind, StaffEventKind, StaffRole
from identity.models import AuthEvent, StaffEvent, StaffMembership
from tests.staff import STAFF_PASSWORD, enable_totp, login_with_totp, officer

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
SECOND_FACTOR = "/accounts/2fa/authenticate/"


def kinds(username):
    return list(AuthEvent.objects.filter(identifier=username).order_by("pk").values_list("kind", flat=True))


def test_wrong_passwords_and_the_lock_out_they_bring_are_recorded():
    user = officer("canbo.khoa")
    client = Client()
    for _ in range(6):
        client.post(LOGIN, {"login": user.username, "password": "sai-mat-khau"})
    recorded = kinds(user.username)
    assert recorded.count(AuthEventKind.LOGIN_FAILED) == 5
    assert recorded[-1] == AuthEventKind.ACCOUNT_LOCKED
    assert AuthEvent.objects.filter(kind=AuthEventKind.ACCOUNT_LOCKED).get().detail.startswith("password")


def test_wrong_second_factor_codes_and_the_lock_out_they_bring_are_recorded():
    user = officer("canbo.totp")
    enable_totp(user)
    client = Client()
    response = client.post(LOGIN, {"login": user.username, "password": STAFF_PASSWORD})
    assert response["Location"].startswith(SECOND_FACTOR)
    for _ in range(5):
        assert client.post(SECOND_FACTOR, {"code": "000000"}).status_code == 200
    failed = AuthEvent.objects.filter(kind=AuthEventKind.OTP_FAILED, user=user)
    assert failed.count() == 5 and failed.first().detail == "totp"
    locked = AuthEvent.objects.get(kind=AuthEventKind.ACCOUNT_LOCKED, user=user)
    assert locked.detail.startswith("second factor")
    # Locked: even the right code is refused now, and the refusal says so.
    page = client.post(SECOND_FACTOR, {"code": "000000"}).content.decode()
    assert "quá nhiều lần" in page


@pytest.fixture
def admin_client(django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", STAFF_PASSWORD, kind="admin")
    client = login_with_totp(Client(), admin)
    client.admin = admin
    return client


def test_roles_given_and_taken_in_the_admin_are_in_the_staff_audit(admin_client, record):
    user = officer("canbo.moi")
    response = admin_client.post(
        "/admin/identity/staffmembership/add/",
        {"user": user.pk, "agency": record.agency.pk, "role": StaffRole.APPROVER},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    granted = StaffEvent.objects.get(kind=StaffEventKind.ROLE_GRANTED, officer=user)
    assert (granted.actor, granted.agency, granted.role) == (admin_client.admin, record.agency, StaffRole.APPROVER)

    membership = StaffMembership.objects.get(user=user)
    response = admin_client.post(f"/admin/identity/staffmembership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    removed = StaffEvent.objects.get(kind=StaffEventKind.ROLE_REMOVED, officer=user)
    assert (removed.actor, removed.role) == (admin_client.admin, StaffRole.APPROVER)


def test_administrators_search_the_login_audit_by_identifier_kind_and_date_and_cannot_change_it(admin_client):
    Client().post(LOGIN, {"login": "ai.do", "password": "sai"})
    Client().post(LOGIN, {"login": "nguoi.khac", "password": "sai"})
    event = AuthEvent.objects.get(identifier="ai.do")
    day = event.created_at
    page = admin_client.get(
        "/admin/identity/authevent/",
        {
            "q": "ai.do",
            "kind__exact": AuthEventKind.LOGIN_FAILED,
            "created_at__year": day.year,
            "created_at__month": day.month,
        },
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "ai.do" in html and "nguoi.khac" not in html
    assert 'name="action"' not in html  # no bulk action, "delete selected" included
    assert admin_client.get(f"/admin/identity/authevent/{event.pk}/delete/").status_code == 403
    assert admin_client.post(f"/admin/identity/authevent/{event.pk}/change/", {"detail": "x"}).status_code == 403


def test_the_database_refuses_to_change_or_delete_an_audit_row_but_lets_an_account_go():
    user = officer("canbo.xoa")
    Client().post(LOGIN, {"login": user.username, "password": "sai"})
    event = AuthEvent.objects.get(identifier=user.username)
    for attempt in (
        lambda: AuthEvent.objects.filter(pk=event.pk).update(detail="đã sửa"),
        lambda: AuthEvent.objects.filter(pk=event.pk).delete(),
    ):
        with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
            attempt()
    staff_event = StaffEvent.objects.create(kind=StaffEventKind.REFUSED, detail="thử")
    with pytest.raises((InternalError, ProgrammingError, IntegrityError)), transaction.atomic():
        StaffEvent.objects.filter(pk=staff_event.pk).delete()
    # Deleting an account clears its events' link to it (SET_NULL); each event stays with its identifier.
    login = AuthEvent.objects.create(
        source="portal", kind=AuthEventKind.LOGIN_SUCCEEDED, identifier=user.username, user=user
    )
    user.delete()
    login.refresh_from_db()
    assert login.user_id is None and login.identifier == "canbo.xoa"
