"""The staff pages of the back-office (``/backoffice/staff/``): an agency head, or a provincial administrator, manages
the agency's officers. Thin: parse, authorise (``staffing.require_administrator`` before anything else, so another
agency's head gets 403 whatever they post), call ``identity.staffing``, render."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from procedures.models import Agency

from . import activation, staffing
from .constants import StaffRole
from .decorators import staff_required
from .forms import AddOfficerForm, ResetSecondFactorForm, RolesForm
from .models import StaffEvent, User

SHOWN_KEY = "staff_activation_code"


def _agency(request, code: str) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    staffing.require_administrator(request, request.user, agency)
    return agency


def _officer(agency, user_id: int) -> User:
    return get_object_or_404(User.objects.filter(memberships__agency=agency).distinct(), pk=user_id)


def _show_once(request, officer, code: str) -> None:
    """The code travels to the next page in the session and is taken out when shown: never in a URL or a log."""
    request.session[SHOWN_KEY] = {"officer": officer.pk, "code": code}


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


@require_GET
@staff_required
def index(request):
    agencies = list(staffing.administered_agencies(request.user).order_by("name"))
    if len(agencies) == 1:
        return redirect("staff:agency", agencies[0].code)
    return render(request, "identity/staff/index.html", {"agencies": agencies})


@require_GET
@staff_required
def agency(request, code):
    agency = _agency(request, code)
    rows = staffing.officers(agency)
    ids = [user.pk for user, _roles in rows]
    enrolled = set(
        Authenticator.objects.filter(user_id__in=ids, type=Authenticator.Type.TOTP).values_list("user_id", flat=True)
    )
    pending = {}
    for row in activation.outstanding_for(ids):
        pending.setdefault(row.user_id, row.expires_at)
    labels = dict(StaffRole.choices)
    officers = [
        {
            "user": user,
            "roles": [labels[role] for role in roles],
            "enrolled": user.pk in enrolled,
            "code_expires": pending.get(user.pk),
        }
        for user, roles in rows
    ]
    return render(request, "identity/staff/agency.html", {"agency": agency, "officers": officers})


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required
def add(request, code):
    agency = _agency(request, code)
    form = AddOfficerForm(request.POST or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            added = staffing.add_officer(
                request,
                request.user,
                agency,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                roles=data["roles"],
            )
        except ValidationError as error:
            errors = _errors(error)
        else:
            if added.code:
                _show_once(request, added.officer, added.code)
            messages.success(
                request,
                _("Đã tạo tài khoản %(username)s.") % {"username": added.officer.username}
                if added.created
                else _("Đã thêm tài khoản có sẵn %(username)s vào cơ quan.") % {"username": added.officer.username},
            )
            return redirect("staff:officer", agency.code, added.officer.pk)
    return render(request, "identity/staff/add.html", {"agency": agency, "form": form, "errors": errors})


def _officer_page(request, agency, officer, *, roles_form=None, reset_form=None, errors=(), status=200):
    shown = request.session.pop(SHOWN_KEY, None)
    code = shown["code"] if isinstance(shown, dict) and shown.get("officer") == officer.pk else None
    roles = staffing.roles_at(officer, agency)
    pending = activation.outstanding(officer).first()
    response = render(
        request,
        "identity/staff/officer.html",
        {
            "agency": agency,
            "officer": officer,
            "roles": [StaffRole(role).label for role in roles],
            "roles_form": roles_form or RolesForm(initial={"roles": roles}),
            "reset_form": reset_form or ResetSecondFactorForm(),
            "enrolled": staffing.has_authenticator(officer),
            "pending": pending,
            "code": code,
            "errors": list(errors),
            "is_self": officer.pk == request.user.pk,
            "events": StaffEvent.objects.filter(agency=agency, officer=officer).select_related("actor")[:20],
        },
        status=status,
    )
    return response


@never_cache
@require_GET
@staff_required
def officer(request, code, user_id):
    agency = _agency(request, code)
    return _officer_page(request, agency, _officer(agency, user_id))


@require_POST
@staff_required
def roles(request, code, user_id):
    agency = _agency(request, code)
    officer = _officer(agency, user_id)
    form = RolesForm(request.POST)
    if not form.is_valid():
        return _officer_page(request, agency, officer, roles_form=form, status=400)
    try:
        given, removed = staffing.set_roles(request, request.user, agency, officer, form.cleaned_data["roles"])
    except ValidationError as error:
        return _officer_page(request, agency, officer, roles_form=form, errors=_errors(error), status=400)
    if given or removed:
        messages.success(request, _("Đã cập nhật vai trò của %(name)s.") % {"name": officer.get_full_name()})
    return redirect("staff:officer", agency.code, officer.pk)


@require_POST
@staff_required
def deactivate(request, code, user_id):
    agency = _agency(request, code)
    officer = _officer(agency, user_id)
    try:
        locked = staffing.deactivate(request, request.user, agency, officer)
    except ValidationError as error:
        return _officer_page(request, agency, officer, errors=_errors(error), status=400)
    messages.success(
        request,
        (
            _("%(name)s đã thôi công tác tại cơ quan; tài khoản đã bị khóa vì không còn vai trò ở cơ quan nào.")
            if locked
            else _("%(name)s đã thôi công tác tại cơ quan; tài khoản vẫn dùng ở cơ quan khác.")
        )
        % {"name": officer.get_full_name() or officer.username},
    )
    return redirect("staff:agency", agency.code)


@require_POST
@staff_required
def reset(request, code, user_id):
    agency = _agency(request, code)
    officer = _officer(agency, user_id)
    form = ResetSecondFactorForm(request.POST)
    if not form.is_valid():
        return _officer_page(request, agency, officer, reset_form=form, status=400)
    try:
        new_code = staffing.reset_second_factor(
            request,
            request.user,
            agency,
            officer,
            checked_by=form.cleaned_data["checked_by"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        return _officer_page(request, agency, officer, reset_form=form, errors=_errors(error), status=400)
    _show_once(request, officer, new_code)
    messages.success(request, _("Đã đặt lại xác thực hai lớp; các phiên đăng nhập của cán bộ đã kết thúc."))
    return redirect("staff:officer", agency.code, officer.pk)


@require_POST
@staff_required
def issue_code(request, code, user_id):
    agency = _agency(request, code)
    officer = _officer(agency, user_id)
    try:
        new_code = staffing.new_activation_code(request, request.user, agency, officer)
    except ValidationError as error:
        return _officer_page(request, agency, officer, errors=_errors(error), status=400)
    _show_once(request, officer, new_code)
    return redirect("staff:officer", agency.code, officer.pk)


@require_GET
@staff_required
def audit(request, code):
    agency = _agency(request, code)
    events = StaffEvent.objects.filter(agency=agency).select_related("actor", "officer")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "identity/staff/audit.html", {"agency": agency, "page": page})
