"""“Ai đã xem dữ liệu của tôi”: the citizen's list of accesses to their data, and reporting one they do not
recognise. A citizen sees and reports only entries about their own ID number (others answer 404)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from common.net import client_ip
from identity.decorators import citizen_required

from . import services

MESSAGE_MAX = 2000


@require_GET
@citizen_required
def my_data_access(request):
    page = services.entries_of(services.citizen_id_number(request), request.GET.get("page"))
    return render(request, "dataaccess/my_access.html", {"page": page})


@require_http_methods(["GET", "POST"])
@citizen_required
def report(request, pk):
    access = services.entry_of(services.citizen_id_number(request), pk)
    if access is None:
        raise Http404
    back = reverse("dataaccess:mine")
    errors, message = [], ""
    if request.method == "POST" and not hasattr(access, "report"):
        message = request.POST.get("message", "")
        if len(message) > MESSAGE_MAX:
            too_long = _("Nội dung báo cáo dài %(length)s ký tự; hãy rút gọn còn tối đa %(max)s ký tự.")
            errors.append(("#id_message", too_long % {"length": len(message), "max": MESSAGE_MAX}))
        else:
            report_, created = services.report_access(
                access, reporter=request.user, message=message, ip_address=client_ip(request), url=back
            )
            if created:
                messages.success(
                    request,
                    _(
                        "Đã nhận báo cáo của bạn về lượt truy cập lúc %(at)s. Cơ quan quản lý sẽ xem xét; "
                        "bạn sẽ nhận được thông báo xác nhận trong mục Thông báo."
                    )
                    % {"at": timezone.localtime(report_.access.created_at).strftime("%H:%M %d/%m/%Y")},
                )
            return redirect(back)
    return render(
        request,
        "dataaccess/report.html",
        {"access": access, "errors": errors, "message": message, "message_max": MESSAGE_MAX, "back": back},
        status=400 if errors else 200,
    )
