"""Agencies manage their own staff: an agency head, or a provincial administrator for the agencies of their
province, adds officers, gives and removes roles, lets an officer go, and resets a lost second factor.

Each operation checks that the actor administers the agency (``require_administrator``: refused, audited, nothing
changed), locks the agency's row so two heads cannot both remove "the other" last head, changes the rows and writes
a ``StaffEvent`` in the same transaction. Views only parse forms and call these.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from procedures.models import Agency

from . import activation, audit
from .constants import AuthEventKind, AuthSource, IdentityCheck, StaffEventKind, StaffRole
from .models import ProvinceAdministrator, StaffMembership, User
from .services import split_name

E = StaffEventKind


@dataclass(frozen=True)
class Added:
    officer: User
    created: bool
    code: str | None  # the activation code, shown once; None when the officer already has an authenticator


# --- Who administers what ------------------------------------------------------------------------------------


def administered_agencies(user) -> QuerySet[Agency]:
    """The agencies whose staff ``user`` manages: where they are the head, and every agency of a province they
    administer (its own, and its communes'). System administrators (superusers) manage all."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or not user.is_officer:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    provinces = ProvinceAdministrator.objects.filter(user=user).values("province_id")
    return Agency.objects.filter(
        Q(pk__in=StaffMembership.objects.filter(user=user, role=StaffRole.AGENCY_HEAD).values("agency_id"))
        | Q(unit_id__in=provinces)
        | Q(unit__parent_id__in=provinces)
    )


def can_administer(user, agency) -> bool:
    return administered_agencies(user).filter(pk=agency.pk).exists()


def require_administrator(request, actor, agency) -> None:
    """Raise ``PermissionDenied`` (after writing it to the login audit log) unless ``actor`` manages ``agency``."""
    if can_administer(actor, agency):
        return
    audit.record(
        request,
        source=AuthSource.PORTAL,
        kind=AuthEventKind.ACCESS_DENIED,
        identifier=actor.get_username(),
        user=actor,
        detail=f"staff administration of {agency.code}",
    )
    raise PermissionDenied(_("Bạn không quản lý cán bộ của %(agency)s.") % {"agency": agency})


def officers(agency) -> list[tuple[User, list[str]]]:
    """The agency's officers with their roles here, by name."""
    rows = StaffMembership.objects.filter(agency=agency).select_related("user").order_by("user__last_name", "user_id")
    found: dict[int, tuple[User, list[str]]] = {}
    for row in rows:
        found.setdefault(row.user_id, (row.user, []))[1].append(row.role)
    order = list(StaffRole.values)
    return [(user, sorted(roles, key=order.index)) for user, roles in found.values()]


def roles_at(officer, agency) -> list[str]:
    held = set(StaffMembership.objects.filter(user=officer, agency=agency).values_list("role", flat=True))
    return [role for role in StaffRole.values if role in held]


def has_authenticator(officer) -> bool:
    return Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()


# --- Operations ----------------------------------------------------------------------------------------------


def _lock(agency) -> Agency:
    return Agency.objects.select_for_update().get(pk=agency.pk)


def _heads(agency) -> set[int]:
    return set(
        StaffMembership.objects.filter(agency=agency, role=StaffRole.AGENCY_HEAD, user__is_active=True).values_list(
            "user_id", flat=True
        )
    )


def _keep_a_head(agency, officer, removing: set[str]) -> None:
    if StaffRole.AGENCY_HEAD in removing and _heads(agency) == {officer.pk}:
        raise ValidationError(
            _(
                "%(agency)s phải luôn có ít nhất một thủ trưởng: hãy giao vai trò thủ trưởng cho người khác trước "
                "khi thu hồi của %(name)s."
            )
            % {"agency": agency, "name": officer.get_full_name() or officer.username}
        )


def _clean_roles(roles) -> list[str]:
    roles = [role for role in StaffRole.values if role in set(roles or [])]
    if not roles:
        raise ValidationError(_("Hãy chọn ít nhất một vai trò."))
    return roles


@transaction.atomic
def add_officer(request, actor, agency, *, username: str, full_name: str = "", email: str = "", roles) -> Added:
    """Create an officer's account (no password yet: they choose it with the activation code) or attach an existing
    officer's account to ``agency``, with ``roles``; an officer without an authenticator gets an activation code."""
    require_administrator(request, actor, agency)
    roles = _clean_roles(roles)
    agency = _lock(agency)
    officer = User.objects.filter(username__iexact=username).first()
    created = officer is None
    if created:
        if not full_name.strip():
            raise ValidationError(_("Hãy nhập họ và tên của cán bộ."))
        given, family = split_name(full_name)
        officer = User(username=username, kind=User.Kind.STAFF, first_name=given[:150], last_name=family[:150])
        officer.email = email
        officer.set_unusable_password()
        officer.save()
        audit.record_staff(request, kind=E.OFFICER_CREATED, agency=agency, actor=actor, officer=officer)
    else:
        if officer.kind != User.Kind.STAFF or officer.is_superuser:
            raise ValidationError(
                _("Tài khoản %(username)s không phải tài khoản cán bộ nên không thể thêm vào cơ quan.")
                % {"username": officer.username}
            )
        detail = ""
        if not officer.is_active:
            officer.is_active = True
            officer.save(update_fields=["is_active"])
            detail = _("Mở lại tài khoản đã khóa")
        audit.record_staff(request, kind=E.OFFICER_ATTACHED, agency=agency, actor=actor, officer=officer, detail=detail)
    held = set(roles_at(officer, agency))
    for role in roles:
        if role not in held:
            StaffMembership.objects.create(user=officer, agency=agency, role=role)
            audit.record_staff(request, kind=E.ROLE_GRANTED, agency=agency, actor=actor, officer=officer, role=role)
    code = None
    if not has_authenticator(officer):
        code = _issue(request, actor, agency, officer)
    return Added(officer=officer, created=created, code=code)


def _member(officer, agency) -> None:
    if not StaffMembership.objects.filter(user=officer, agency=agency).exists():
        raise PermissionDenied(_("Cán bộ này không thuộc %(agency)s.") % {"agency": agency})


@transaction.atomic
def set_roles(request, actor, agency, officer, roles) -> tuple[list[str], list[str]]:
    """Make ``roles`` the officer's roles at ``agency``; returns (given, removed). The agency keeps a head."""
    require_administrator(request, actor, agency)
    roles = _clean_roles(roles)
    agency = _lock(agency)
    _member(officer, agency)
    held = set(roles_at(officer, agency))
    given = [role for role in roles if role not in held]
    removed = [role for role in StaffRole.values if role in held and role not in roles]
    _keep_a_head(agency, officer, set(removed))
    for role in removed:
        StaffMembership.objects.filter(user=officer, agency=agency, role=role).delete()
        audit.record_staff(request, kind=E.ROLE_REMOVED, agency=agency, actor=actor, officer=officer, role=role)
    for role in given:
        StaffMembership.objects.create(user=officer, agency=agency, role=role)
        audit.record_staff(request, kind=E.ROLE_GRANTED, agency=agency, actor=actor, officer=officer, role=role)
    return given, removed


@transaction.atomic
def deactivate(request, actor, agency, officer) -> bool:
    """The officer no longer works at ``agency``: every role there goes. An account left with no role anywhere is
    locked (its sessions end with it). Returns whether the account was locked."""
    require_administrator(request, actor, agency)
    agency = _lock(agency)
    _member(officer, agency)
    if officer.pk == actor.pk:
        raise ValidationError(_("Bạn không thể tự cho mình thôi công tác; hãy nhờ người quản lý khác."))
    held = roles_at(officer, agency)
    _keep_a_head(agency, officer, set(held))
    for role in held:
        StaffMembership.objects.filter(user=officer, agency=agency, role=role).delete()
        audit.record_staff(request, kind=E.ROLE_REMOVED, agency=agency, actor=actor, officer=officer, role=role)
    audit.record_staff(request, kind=E.OFFICER_DEACTIVATED, agency=agency, actor=actor, officer=officer)
    if StaffMembership.objects.filter(user=officer).exists() or officer.kind != User.Kind.STAFF:
        return False
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    activation.outstanding(officer).update(revoked_at=timezone.now())
    audit.record_staff(request, kind=E.ACCOUNT_LOCKED, agency=agency, actor=actor, officer=officer)
    return True


def _account_administrator(request, actor, agency, officer) -> None:
    """The officer's second factor is the account's, used at every agency they work at: only someone who manages
    all of them may reset it, and never their own or a system administrator's."""
    require_administrator(request, actor, agency)
    _member(officer, agency)
    if officer.pk == actor.pk:
        raise ValidationError(_("Bạn không thể tự đặt lại xác thực hai lớp của mình; hãy nhờ người quản lý khác."))
    if officer.kind != User.Kind.STAFF or officer.is_superuser:
        raise PermissionDenied(_("Tài khoản quản trị do quản trị viên hệ thống quản lý."))
    theirs = set(StaffMembership.objects.filter(user=officer).values_list("agency_id", flat=True))
    if theirs - set(administered_agencies(actor).filter(pk__in=theirs).values_list("pk", flat=True)):
        raise PermissionDenied(
            _("Cán bộ này còn công tác ở cơ quan bạn không quản lý; hãy nhờ quản trị viên cấp tỉnh đặt lại.")
        )


@transaction.atomic
def reset_second_factor(request, actor, agency, officer, *, checked_by: str, note: str) -> str:
    """After the actor checked who is asking (``checked_by``: an ``IdentityCheck``, and a note of what was seen),
    remove the officer's authenticators and recovery codes, end their sessions, and issue a new activation code."""
    _account_administrator(request, actor, agency, officer)
    if checked_by not in IdentityCheck.values or not note.strip():
        raise ValidationError(_("Hãy ghi cách đã xác minh danh tính của cán bộ trước khi đặt lại."))
    agency = _lock(agency)
    Authenticator.objects.filter(user=officer).delete()
    officer.session_stamp = secrets.token_hex(16)
    officer.save(update_fields=["session_stamp"])
    audit.record_staff(
        request,
        kind=E.SECOND_FACTOR_RESET,
        agency=agency,
        actor=actor,
        officer=officer,
        detail=f"{IdentityCheck(checked_by).label}: {note.strip()}",
    )
    return _issue(request, actor, agency, officer)


@transaction.atomic
def new_activation_code(request, actor, agency, officer) -> str:
    """Another code for an officer who has not enrolled yet (the first was lost or expired)."""
    _account_administrator(request, actor, agency, officer)
    if has_authenticator(officer):
        raise ValidationError(
            _("Cán bộ đã bật xác thực hai lớp; nếu mất thiết bị, hãy dùng chức năng đặt lại xác thực hai lớp.")
        )
    return _issue(request, actor, _lock(agency), officer)


def _issue(request, actor, agency, officer) -> str:
    code, _row = activation.issue(officer, agency=agency, issued_by=actor)
    audit.record_staff(request, kind=E.CODE_ISSUED, agency=agency, actor=actor, officer=officer)
    return code
