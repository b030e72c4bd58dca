"""The portal's side of paying: the "Thanh toán" button, the gateway's callback and return, receipts, exemptions."""

import datetime
import logging
import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from common.net import client_ip
from identity.decorators import citizen_required, staff_required
from identity.services import has_role
from records.models import Record
from records.views.access import applicant_step_up

from . import policies, services
from .constants import CallbackOutcome, PaymentState
from .models import Payment

logger = logging.getLogger(__name__)


def _own_record(request, pk) -> Record:
    record = get_object_or_404(Record.objects.select_related("procedure_version", "agency", "service"), pk=pk)
    if record.applicant_id != request.user.pk:
        raise Http404
    return record


@require_POST
@citizen_required
def pay(request, pk):
    record = _own_record(request, pk)
    if stepping_up := applicant_step_up(request, record, record.get_absolute_url()):
        return stepping_up
    try:
        payment = services.start_payment(
            record,
            actor=request.user,
            idempotency_key=request.POST.get("idempotency_key") or uuid.uuid4().hex,
            base_url=settings.PORTAL_BASE_URL,
            defer=services.gateway_calls_deferred(),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(record)
    if payment.state == PaymentState.PENDING and not payment.redirect_url and services.gateway_calls_deferred():
        return redirect("payments:starting", payment.reference)  # a worker is opening it at the gateway
    if payment.state != PaymentState.PENDING or not payment.redirect_url:
        return redirect(record)
    return redirect(payment.redirect_url)


# How long the payer's waiting page waits for the worker to open the payment at the gateway.
STARTING_PATIENCE = datetime.timedelta(seconds=20)


@require_GET
@citizen_required
def starting(request, reference):
    """The payer waits here (the page reloads each second) while a worker opens the payment at the gateway."""
    payment = get_object_or_404(Payment.objects.select_related("record"), reference=reference)
    if payment.record.applicant_id != request.user.pk:
        raise Http404
    if payment.state == PaymentState.PENDING and payment.redirect_url:
        return redirect(payment.redirect_url)
    if payment.state != PaymentState.PENDING:
        return redirect(payment.record)
    if timezone.now() - payment.created_at > STARTING_PATIENCE:
        messages.error(request, _("Chưa kết nối được cổng thanh toán. Vui lòng thử lại sau ít phút."))
        return redirect(payment.record)
    return render(request, "payments/starting.html", {"payment": payment})


# Fields of a callback worth a log line; the signature and anything else stay out of the logs.
_LOGGED_FIELDS = ("reference", "transaction_id", "status", "amount", "timestamp")


@csrf_exempt
@require_POST
def callback(request, provider):
    """Server to server: the gateway tells the outcome. Only this settles a payment.

    Every callback is logged as it arrives (without its signature), before the database is touched: while
    PostgreSQL is away the callback cannot be kept (its ``CallbackLog`` row is written by ``handle_callback``),
    so the answer is 503 with ``Retry-After`` and the gateway sends it again; the log line shows it came.
    """
    params = request.POST.dict()
    logger.info(
        "Payment callback %s received from %s: %s",
        provider[:32],
        client_ip(request),
        {name: params.get(name, "")[:64] for name in _LOGGED_FIELDS},
    )
    try:
        outcome, _payment = services.handle_callback(provider, params, remote_addr=client_ip(request))
    except DatabaseError as error:
        logger.warning(
            "Payment callback %s for %r not kept, database unavailable (%s): answered 503, the gateway retries",
            provider[:32],
            params.get("reference", "")[:64],
            type(error).__name__,
        )
        connection.close()  # a broken connection is not kept for the next request
        response = JsonResponse({"status": "unavailable", "detail": "retry later"}, status=503)
        response["Retry-After"] = "10"
        return response
    if outcome in (CallbackOutcome.ACCEPTED, CallbackOutcome.DUPLICATE, CallbackOutcome.CONFLICT):
        return JsonResponse({"status": "ok", "outcome": outcome})
    status = 404 if outcome == CallbackOutcome.UNKNOWN_REFERENCE else 400
    return JsonResponse({"status": "rejected", "outcome": outcome}, status=status)


@require_GET
@citizen_required
def payment_return(request, reference):
    """The payer's browser is back. Show the state; ask the gateway if the callback has not come yet."""
    payment = get_object_or_404(Payment.objects.select_related("record"), reference=reference)
    if payment.record.applicant_id != request.user.pk:
        raise Http404
    if payment.state == PaymentState.PENDING and not services.gateway_calls_deferred():
        # Where workers run, the callback (sent by the gateway at once) and the poller settle it instead:
        # a web worker does not wait on the gateway, which may be this portal itself.
        payment = services.refresh_from_gateway(payment)
    if stepping_up := applicant_step_up(request, payment.record, payment.record.get_absolute_url()):
        return stepping_up  # the outcome is on the record's page, at the level its service asks
    text = {
        PaymentState.PAID: _("Thanh toán thành công. Biên lai điện tử số %(number)s."),
        PaymentState.FAILED: _("Thanh toán không thành công. Bạn có thể thanh toán lại."),
        PaymentState.CANCELLED: _("Bạn đã hủy giao dịch. Bạn có thể thanh toán lại."),
        PaymentState.EXPIRED: _("Giao dịch đã hết hạn. Bạn có thể thanh toán lại."),
        PaymentState.PENDING: _("Cổng thanh toán chưa xác nhận kết quả; trang hồ sơ sẽ cập nhật khi có kết quả."),
        PaymentState.REFUNDED: _("Khoản thanh toán này đã được hoàn tiền."),
    }[payment.state] % {"number": payment.receipt_number or ""}
    level = messages.SUCCESS if payment.state == PaymentState.PAID else messages.WARNING
    if services.is_being_refunded(payment):
        text = _("Hồ sơ đã dừng giải quyết nên không phải nộp phí: số tiền vừa thanh toán sẽ được hoàn lại cho bạn.")
        level = messages.WARNING
    messages.add_message(request, level, text)
    return redirect(payment.record)


@require_GET
def receipt(request, reference):
    payment = get_object_or_404(
        Payment.objects.select_related("record__agency", "record__procedure_version"), reference=reference
    )
    if (
        not policies.can_view_payment(request.user, payment)
        or payment.state not in (PaymentState.PAID, PaymentState.REFUNDED)
        or not payment.receipt_number  # taken for a closed record and given back: no receipt was issued
    ):
        raise Http404
    if stepping_up := applicant_step_up(request, payment.record):
        return stepping_up
    return render(
        request,
        "payments/receipt.html",
        {"payment": payment, "record": payment.record, "document": services.receipt_document(payment)},
    )


@require_POST
@citizen_required
def declare_exemption(request, pk):
    record = _own_record(request, pk)
    if stepping_up := applicant_step_up(request, record, record.get_absolute_url()):
        return stepping_up
    try:
        services.declare_exemption(record, actor=request.user, group=request.POST.get("group", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã gửi đề nghị miễn phí; cán bộ tiếp nhận sẽ xác nhận."))
    return redirect(record)


@require_POST
@staff_required
def decide_exemption(request, pk):
    record = get_object_or_404(Record.objects.select_related("agency"), pk=pk)
    if not has_role(request.user, record.agency):
        raise PermissionDenied(_("Bạn không làm việc tại cơ quan giải quyết hồ sơ này."))
    try:
        services.decide_exemption(
            record,
            actor=request.user,
            confirm=request.POST.get("decision") == "confirm",
            note=request.POST.get("note", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã ghi nhận quyết định về miễn phí."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("identity:backoffice")
    return redirect(target)
