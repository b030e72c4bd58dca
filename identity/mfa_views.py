"""Enrolling TOTP: only with an activation code from the officer's head, and landing where the officer works.

The password alone no longer enrols an authenticator: the enrolment page first sends the officer to type the
one-time activation code their head (or the province's administrator) gave them (``identity.activation``). A new
officer, whose account has no password yet, types their username and the code and chooses their password there.

allauth sends a newly enrolled user to the page of recovery codes; an officer who set up the authenticator on
the way to the back-office lands there instead, or on the page they were going to, and is offered the recovery
codes once, in a message linking to them (they stay under "Mã khôi phục" in the account's security pages).
"""

from urllib.parse import quote, urlencode

from allauth.account.internal.flows.login import record_authentication
from allauth.account.utils import get_next_redirect_url
from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from . import activation, audit, throttling
from .constants import AuthEventKind, AuthSource, StaffEventKind
from .forms import ActivationCodeForm, FirstActivationForm
from .models import ActivationCode, User
from .staffing import has_authenticator


class ActivateTOTPLandingView(ActivateTOTPView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not activation.session_may_enrol(request):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('mfa_activation_code')}?{query}")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        activation.end_grant(self.request)  # the code bought one enrolment
        return response

    def get_success_url(self) -> str:
        user = self.request.user
        if not (user.is_officer or user.is_staff):
            return super().get_success_url()
        if self.did_generate_recovery_codes:
            messages.success(
                self.request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    _(
                        "Đã bật xác thực hai lớp. Hệ thống đã tạo 10 mã khôi phục để đăng nhập khi không có "
                        "điện thoại: hãy lưu chúng ở nơi an toàn ngay bây giờ."
                    ),
                    reverse("mfa_view_recovery_codes"),
                    _("Xem và tải mã khôi phục"),
                ),
            )
        else:
            messages.success(self.request, _("Đã bật xác thực hai lớp."))
        return get_next_redirect_url(self.request) or (
            reverse("backoffice:home") if user.is_officer else reverse("admin:index")
        )


activate_totp = ActivateTOTPLandingView.as_view()


def _next(request) -> str:
    value = request.POST.get("next") or request.GET.get("next") or ""
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return f"{reverse('mfa_activate_totp')}?{urlencode({'next': reverse('backoffice:home')})}"


def _latest_agency(user):
    """The agency of the officer's latest code: where a wrong code shows in the staff audit list."""
    row = ActivationCode.objects.filter(user=user).select_related("agency").first() if user is not None else None
    return row.agency if row is not None else None


@never_cache
@sensitive_post_parameters("code", "password1", "password2")
@require_http_methods(["GET", "POST"])
def activation_code(request):
    """Type the activation code (and, for a new account, choose the password), then enrol TOTP."""
    user = request.user if request.user.is_authenticated else None
    if user is not None and has_authenticator(user):
        return HttpResponseRedirect(reverse("backoffice:home") if user.is_officer else reverse("home"))
    form_class = ActivationCodeForm if user is not None else FirstActivationForm
    form = form_class(request.POST or None)
    next_url = _next(request)
    if request.method == "POST" and form.is_valid():
        target = user
        if target is None:
            target = User.objects.filter(
                username__iexact=form.cleaned_data["username"].strip(), is_active=True, kind=User.Kind.STAFF
            ).first()
        key = (target.username if target else form.cleaned_data.get("username", "")).strip().lower()
        usage = throttling.attempt(request, activation.RATE_ACTION, key)
        if isinstance(usage, throttling.Refusal):
            form.add_error(
                None,
                _("Nhập sai mã kích hoạt quá nhiều lần. Hãy thử lại sau %(wait)s.")
                % {"wait": throttling.format_wait(usage.wait_seconds)},
            )
        else:
            with transaction.atomic():
                # A new officer's door: an account that already has a password logs in first, then types the code.
                spendable = target is not None and (user is not None or not target.has_usable_password())
                row = activation.redeem(target, form.cleaned_data["code"]) if spendable else None
                if row is not None:
                    usage.rollback()
                    if user is None:
                        target.set_password(form.cleaned_data["password1"])
                        target.save(update_fields=["password"])
                    audit.record_staff(
                        request, kind=StaffEventKind.CODE_USED, agency=row.agency, actor=target, officer=target
                    )
            if row is None:
                audit.record_staff(
                    request,
                    kind=StaffEventKind.CODE_REFUSED,
                    agency=_latest_agency(target),
                    actor=user,
                    officer=target,
                )
                form.add_error(
                    "code",
                    _("Mã kích hoạt không đúng, đã được dùng hoặc đã hết hạn. Hãy kiểm tra lại hoặc xin mã mới.")
                    if user is not None
                    else _("Tên đăng nhập hoặc mã kích hoạt không đúng, hoặc mã đã được dùng hay đã hết hạn."),
                )
            else:
                if user is None:
                    login(request, target, backend="allauth.account.auth_backends.AuthenticationBackend")
                    # The password was chosen a moment ago: allauth need not ask for it again before the QR code.
                    record_authentication(request, target, "password", username=target.username, reauthenticated=True)
                    audit.record(
                        request,
                        source=AuthSource.PORTAL,
                        kind=AuthEventKind.LOGIN_SUCCEEDED,
                        identifier=target.username,
                        user=target,
                        detail="activation code",
                    )
                activation.grant_session(request, target)
                messages.success(request, _("Mã kích hoạt hợp lệ. Hãy bật xác thực hai lớp để bắt đầu làm việc."))
                return HttpResponseRedirect(next_url)
    return render(
        request,
        "mfa/activation_code.html",
        {"form": form, "next": next_url, "next_quoted": quote(next_url, safe=""), "new_account": user is None},
    )
