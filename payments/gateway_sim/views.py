"""HTTP face of the simulated gateway: the merchant API (signed JSON) and the payer's checkout page."""

import datetime
import hashlib
import hmac
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import protocol, services
from .models import MerchantTransaction, Status


def _answer(data: dict, secret: str, status: int = 200) -> JsonResponse:
    return JsonResponse(protocol.signed(data, secret), status=status)


def _merchant_call(request):
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return None, None
    return protocol.verify(body), body


def _api(handler):
    @csrf_exempt
    @require_POST
    def view(request):
        secret, body = _merchant_call(request)
        if secret is None:
            return JsonResponse({"error": "bad signature, unknown merchant or stale timestamp"}, status=401)
        try:
            return _answer(handler(request, body), secret)
        except services.GatewayError as error:
            return _answer({"error": str(error)}, secret, status=error.status)

    return view


@_api
def create_payment(request, body):
    txn = services.create(body["merchant_id"], body)
    pay_url = request.build_absolute_uri(f"/paygov/pay/{txn.transaction_id}/")
    return {"reference": txn.reference, "transaction_id": txn.transaction_id, "pay_url": pay_url, "status": txn.status}


@_api
def query_payment(request, body):
    return services.status_of(body["merchant_id"], str(body.get("reference", "")))


@_api
def refund(request, body):
    done = services.refund(body["merchant_id"], body)
    return {"refund_id": done.refund_id, "refund_reference": done.refund_reference, "status": "success"}


@require_GET
def statement(request, day):
    params = request.GET.dict()
    secret = protocol.verify(params)
    if secret is None:
        return HttpResponse("bad signature", status=401, content_type="text/plain")
    try:
        date = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    body = services.statement_csv(params["merchant_id"], date)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["X-PayGov-Signature"] = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    response["Content-Disposition"] = f'attachment; filename="paygov-{date.isoformat()}.csv"'
    return response


@require_http_methods(["GET", "POST"])
def checkout(request, transaction_id):
    txn = services.expire_if_due(get_object_or_404(MerchantTransaction, transaction_id=transaction_id))
    error = ""
    if request.method == "POST" and txn.status == Status.CREATED:
        try:
            txn = services.complete(
                transaction_id, outcome=request.POST.get("outcome", ""), method=request.POST.get("method", "")
            )
        except services.GatewayError as exc:
            error = str(exc)
        else:
            return redirect(services.return_url(txn))
    return render(
        request,
        "paygov/checkout.html",
        {"txn": txn, "banks": services.BANKS, "error": error, "open": txn.status == Status.CREATED},
        status=400 if error else 200,
    )
