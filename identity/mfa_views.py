"""Enrolling TOTP lands an officer where they work, not on the recovery codes.

allauth sends a newly enrolled user to the page of recovery codes; an officer who set up the authenticator on
the way to the back-office lands there instead, or on the page they were going to, and is offered the recovery
codes once, in a message linking to them (they stay under "Mã khôi phục" in the account's security pages).
"""

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _


class ActivateTOTPLandingView(ActivateTOTPView):
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
