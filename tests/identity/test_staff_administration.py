"""Agencies manage their own staff (issue #17 item 4): an agency head, or a provincial administrator for the agencies
of their province, adds officers, gives and removes roles, lets them go, and sees every change in the audit list;
nobody gives a role at an agency they do not administer, and an agency always keeps a head."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from identity import staffing
from identity.constants import AuthEventKind, StaffEventKind, StaffRole
from identity.models import ActivationCode, AuthEvent, ProvinceAdministrator, StaffEvent, StaffMembership, User
from tests.staff import officer, totp_session

pytestmark = pytest.mark.django_db
R, P, A, H = StaffRole.RECEIVER, StaffRole.PROCESSOR, StaffRole.APPROVER, StaffRole.AGENCY_HEAD


def session_of(user) -> Client:
    return totp_session(Client(), user)


def roles(user, agency) -> set[str]:
    return set(StaffMembership.objects.filter(user=user, agency=agency).values_list("role", flat=True))


def shown_code(page: str) -> str | None:
    found = re.search(r'id="the-code">([A-Z0-9-]+)<', page)
    return found.group(1) if found else None


def test_a_head_adds_an_officer_gives_roles_and_sees_each_change_in_the_audit_list(world):
    head = session_of(world.head_a)
    landing = head.get("/backoffice/")
    assert 'id="manage-staff"' in landing.content.decode()
    assert head.get("/backoffice/staff/")["Location"] == f"/backoffice/staff/{world.ward_a.code}/"

    response = head.post(
        f"/backoffice/staff/{world.ward_a.code}/add/",
        {"username": "tiepnhan.moi", "full_name": "Đỗ Thị Hương", "email": "huong@example.vn", "roles": [R, P]},
    )
    new = User.objects.get(username="tiepnhan.moi")
    assert (
        response.status_code == 302
        and response["Location"] == f"/backoffice/staff/{world.ward_a.code}/officers/{new.pk}/"
    )
    assert new.kind == User.Kind.STAFF and not new.has_usable_password() and new.get_full_name() == "Đỗ Thị Hương"
    assert roles(new, world.ward_a) == {R, P}

    page = head.get(response["Location"]).content.decode()
    code = shown_code(page)
    assert code and re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    assert shown_code(head.get(response["Location"]).content.decode()) is None  # shown once
    stored = ActivationCode.objects.get(user=new)
    assert code.replace("-", "") not in stored.code_hash and stored.agency == world.ward_a

    response = head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{new.pk}/roles/", {"roles": [P, A]})
    assert response.status_code == 302
    assert roles(new, world.ward_a) == {P, A}

    listing = head.get(f"/backoffice/staff/{world.ward_a.code}/").content.decode()
    assert "Đỗ Thị Hương" in listing and "Chờ kích hoạt" in listing
    audit = head.get(f"/backoffice/staff/{world.ward_a.code}/audit/").content.decode()
    for label in ("Tạo tài khoản cán bộ", "Giao vai trò", "Thu hồi vai trò", "Cấp mã kích hoạt"):
        assert label in audit, label
    assert "Cán bộ tiếp nhận" in audit and "Lãnh đạo phê duyệt" in audit and "Lê Văn An" in audit
    kinds = list(StaffEvent.objects.filter(agency=world.ward_a, officer=new).values_list("kind", "role"))
    assert (StaffEventKind.ROLE_REMOVED, R) in kinds and (StaffEventKind.ROLE_GRANTED, A) in kinds
    assert all(e.actor == world.head_a for e in StaffEvent.objects.filter(officer=new))


def test_a_head_attaches_an_existing_officer_of_another_agency(world):
    clerk = officer("xuly.chung", world.ward_b, P, totp=True)
    head = session_of(world.head_a)
    response = head.post(f"/backoffice/staff/{world.ward_a.code}/add/", {"username": "XULY.CHUNG", "roles": [P]})
    assert response.status_code == 302
    assert roles(clerk, world.ward_a) == {P} and roles(clerk, world.ward_b) == {P}
    assert shown_code(head.get(response["Location"]).content.decode()) is None  # already has an authenticator
    citizen = User.objects.create_user("congdan1", password="x", kind=User.Kind.CITIZEN)
    refused = head.post(f"/backoffice/staff/{world.ward_a.code}/add/", {"username": "congdan1", "roles": [R]})
    assert refused.status_code == 200 and "không phải tài khoản cán bộ" in refused.content.decode()
    assert not StaffMembership.objects.filter(user=citizen).exists()


def test_the_head_of_one_agency_cannot_give_a_role_at_another(world):
    """Every door to agency B refuses agency A's head with 403, direct POSTs too, and nothing changes."""
    clerk_b = officer("xuly.b", world.ward_b, P, totp=True)
    head = session_of(world.head_a)
    b = world.ward_b.code
    before_events = StaffEvent.objects.count()
    for url, data in [
        (f"/backoffice/staff/{b}/", None),
        (f"/backoffice/staff/{b}/audit/", None),
        (f"/backoffice/staff/{b}/officers/{clerk_b.pk}/", None),
        (f"/backoffice/staff/{b}/add/", {"username": "keoxam", "full_name": "Kẻ Xâm Nhập", "roles": [H]}),
        (f"/backoffice/staff/{b}/add/", {"username": "thutruong.a", "roles": [H]}),  # themselves, as B's head
        (f"/backoffice/staff/{b}/officers/{clerk_b.pk}/roles/", {"roles": [H]}),
        (f"/backoffice/staff/{b}/officers/{world.head_b.pk}/roles/", {"roles": [R]}),
        (f"/backoffice/staff/{b}/officers/{clerk_b.pk}/deactivate/", {}),
        (f"/backoffice/staff/{b}/officers/{clerk_b.pk}/code/", {}),
        (f"/backoffice/staff/{b}/officers/{clerk_b.pk}/reset/", {"checked_by": "in_person_id_card", "note": "x"}),
    ]:
        response = head.get(url) if data is None else head.post(url, data)
        assert response.status_code == 403, (url, response.status_code)
    # B's officer through A's pages: not one of A's officers.
    assert (
        head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{clerk_b.pk}/roles/", {"roles": [H]}).status_code
        == 404
    )
    assert not User.objects.filter(username="keoxam").exists()
    assert roles(clerk_b, world.ward_b) == {P} and roles(world.head_b, world.ward_b) == {H}
    assert (
        roles(world.head_a, world.ward_b) == set()
        and not StaffMembership.objects.filter(user=clerk_b, agency=world.ward_a).exists()
    )
    assert StaffEvent.objects.count() == before_events
    assert AuthEvent.objects.filter(kind=AuthEventKind.ACCESS_DENIED, user=world.head_a).count() >= 9
    with pytest.raises(PermissionDenied):
        staffing.set_roles(None, world.head_a, world.ward_b, clerk_b, [H])
    assert roles(clerk_b, world.ward_b) == {P}


def test_an_officer_without_the_head_role_manages_nobody(world):
    clerk = officer("xuly.a", world.ward_a, R, P, A, totp=True)
    client = session_of(clerk)
    assert 'id="manage-staff"' not in client.get("/backoffice/").content.decode()
    assert client.get(f"/backoffice/staff/{world.ward_a.code}/").status_code == 403
    assert (
        client.post(f"/backoffice/staff/{world.ward_a.code}/officers/{clerk.pk}/roles/", {"roles": [H]}).status_code
        == 403
    )
    assert roles(clerk, world.ward_a) == {R, P, A}


def test_a_provincial_administrator_manages_the_agencies_of_their_province_only(world):
    admin = officer("quantri.tinh", None, totp=True, first_name="Tỉnh", last_name="Quản trị")
    ProvinceAdministrator.objects.create(user=admin, province=world.ward_a.unit.parent)
    assert set(staffing.administered_agencies(admin)) == {world.ward_a, world.department_a}
    client = session_of(admin)
    index = client.get("/backoffice/staff/").content.decode()
    assert world.ward_a.name in index and world.department_a.name in index and world.ward_b.name not in index
    made = client.post(
        f"/backoffice/staff/{world.department_a.code}/add/",
        {"username": "lanhdao.so", "full_name": "Hoàng Văn Long", "roles": [A, H]},
    )
    assert made.status_code == 302
    assert roles(User.objects.get(username="lanhdao.so"), world.department_a) == {A, H}
    refused = client.post(
        f"/backoffice/staff/{world.ward_b.code}/add/",
        {"username": "nguoingoai", "full_name": "Người Ngoài", "roles": [R]},
    )
    assert refused.status_code == 403 and not User.objects.filter(username="nguoingoai").exists()


def test_an_agency_always_keeps_a_head(world):
    head = session_of(world.head_a)
    url = f"/backoffice/staff/{world.ward_a.code}/officers/{world.head_a.pk}/roles/"
    refused = head.post(url, {"roles": [A]})
    assert refused.status_code == 400
    assert "phải luôn có ít nhất một thủ trưởng" in refused.content.decode()
    assert roles(world.head_a, world.ward_a) == {H}
    # Nor by letting the last head go (a provincial administrator tries).
    admin = officer("quantri.tinh", None, totp=True)
    ProvinceAdministrator.objects.create(user=admin, province=world.ward_a.unit.parent)
    gone = session_of(admin).post(f"/backoffice/staff/{world.ward_a.code}/officers/{world.head_a.pk}/deactivate/")
    assert gone.status_code == 400 and roles(world.head_a, world.ward_a) == {H}

    # With a second head, the first may step down.
    deputy = officer("thutruong.a2", world.ward_a, A, totp=True)
    assert (
        head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{deputy.pk}/roles/", {"roles": [A, H]}).status_code
        == 302
    )
    assert head.post(url, {"roles": [A]}).status_code == 302
    assert roles(world.head_a, world.ward_a) == {A}


def test_letting_an_officer_go_removes_their_roles_and_locks_an_account_left_with_none(world):
    only_here = officer("tiepnhan.a", world.ward_a, R, totp=True)
    also_there = officer("xuly.hai.noi", world.ward_a, P, totp=True)
    StaffMembership.objects.create(user=also_there, agency=world.ward_b, role=P)
    head = session_of(world.head_a)
    their_session = session_of(only_here)
    assert their_session.get("/backoffice/").status_code == 200

    response = head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{only_here.pk}/deactivate/")
    assert response.status_code == 302
    only_here.refresh_from_db()
    assert not only_here.is_active and not StaffMembership.objects.filter(user=only_here).exists()
    assert their_session.get("/backoffice/")["Location"].startswith("/accounts/login/")  # their session is over

    head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{also_there.pk}/deactivate/")
    also_there.refresh_from_db()
    assert also_there.is_active and roles(also_there, world.ward_a) == set() and roles(also_there, world.ward_b) == {P}
    kinds = set(StaffEvent.objects.filter(agency=world.ward_a).values_list("kind", flat=True))
    assert {StaffEventKind.OFFICER_DEACTIVATED, StaffEventKind.ACCOUNT_LOCKED, StaffEventKind.ROLE_REMOVED} <= kinds

    # Nobody lets themselves go.
    assert head.post(f"/backoffice/staff/{world.ward_a.code}/officers/{world.head_a.pk}/deactivate/").status_code == 400


def test_the_audit_list_cannot_be_rewritten(world):
    event = StaffEvent.objects.create(kind=StaffEventKind.ROLE_GRANTED, agency=world.ward_a, role=R)
    event.detail = "sửa"
    with pytest.raises(ValueError):
        event.save()


def test_the_staff_pages_speak_english_too(world):
    clerk = officer("xuly.a", world.ward_a, P, totp=True, first_name="Thắng", last_name="Bùi Văn")
    head = session_of(world.head_a)
    head.cookies["django_language"] = "en"
    a = world.ward_a.code
    head.post(f"/backoffice/staff/{a}/officers/{clerk.pk}/roles/", {"roles": [P, A]})
    pages = {
        f"/backoffice/staff/{a}/": ["Officers of", "Add an officer", "Change log", "Set up"],
        f"/backoffice/staff/{a}/add/": ["Add an officer", "Official e-mail", "Processing officer"],
        f"/backoffice/staff/{a}/officers/{clerk.pk}/": ["Reset two-factor authentication", "Let the officer go"],
        f"/backoffice/staff/{a}/audit/": ["Staff change log", "Role given", "Event"],
    }
    for url, words in pages.items():
        page = head.get(url).content.decode()
        for word in words:
            assert word in page, (url, word)
        for vietnamese in ("Thêm cán bộ", "Nhật ký thay đổi", "Giao vai trò", "Đặt lại xác thực hai lớp"):
            assert vietnamese not in page, (url, vietnamese)
    anonymous = Client()
    anonymous.cookies["django_language"] = "en"
    activation_page = anonymous.get("/accounts/2fa/activation/").content.decode()
    assert "Activation code" in activation_page and "New password again" in activation_page
