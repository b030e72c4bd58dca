"""Public pages of feedback: rating a returned record, sending feedback (from any page's footer or an agency's QR
code), following it by its code, the published answers, and the agency's printable QR page.

Views parse, authorise and call ``services``; nothing typed is lost on a refused form (the form comes back filled).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from common.net import client_ip
from common.urls import portal_url
from documents.rendering import qr_data_uri
from identity.decorators import citizen_required
from procedures.models import Agency
from records import selectors as records_selectors
from records.constants import RecordState
from records.views.access import step_up_for

from . import selectors, services
from .constants import ANSWER_WORKING_DAYS, FeedbackChannel
from .forms import FeedbackForm, RatingForm, StatusForm
from .models import Feedback, Rating
from .throttles import FeedbackStatusThrottle, FeedbackThrottle

SENT_SESSION_KEY = "feedback_sent_code"


@never_cache
@require_http_methods(["GET", "POST"])
@citizen_required
def rate(request, pk):
    """The applicant rates their returned record, once. Another person's record: 404; not returned: 403."""
    record = get_object_or_404(records_selectors.records_of_applicant(request.user), pk=pk)
    if record.state != RecordState.RESULT_RETURNED:
        raise PermissionDenied(_("Chỉ đánh giá được hồ sơ đã trả kết quả."))
    if stepping_up := step_up_for(request, record):
        return stepping_up
    existing = Rating.objects.filter(record=record).first()
    if existing is not None:
        return render(
            request,
            "feedback/rated.html",
            {"record": record, "rating": existing},
            status=409 if request.method == "POST" else 200,
        )
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(record, request.user, form.cleaned_data)
        except services.AlreadyRated as already:
            return render(request, "feedback/rated.html", {"record": record, "rating": already.rating}, status=409)
        return redirect(f"{reverse('records:detail', args=[record.pk])}#rating")
    status = 400 if form.is_bound else 200
    return render(
        request, "feedback/rate.html", {"record": record, "form": form, "has_errors": form.is_bound}, status=status
    )


@never_cache
@require_http_methods(["GET", "POST"])
def send(request, agency_code=None):
    """The feedback form: open to anyone; from an agency's QR code the agency is already chosen."""
    preset = get_object_or_404(Agency, code=agency_code, is_active=True) if agency_code else None
    user = request.user if request.user.is_authenticated else None
    if request.method == "GET":
        initial = {"channel": FeedbackChannel.QR if preset and request.GET.get("qr") else FeedbackChannel.WEB}
        if preset:
            initial["agency"] = preset.code
        if code := request.GET.get("procedure", "")[:12]:
            initial["procedure_code"] = code
        form = FeedbackForm(initial=initial, user=user)
        return render(request, "feedback/send.html", {"form": form, "preset": preset, "days": ANSWER_WORKING_DAYS})
    form = FeedbackForm(request.POST, user=user)
    context = {"form": form, "preset": preset, "days": ANSWER_WORKING_DAYS}
    if not form.is_valid():
        return render(request, "feedback/send.html", {**context, "has_errors": True}, status=400)
    throttle = FeedbackThrottle()
    if not throttle.allow_request(request, None):
        minutes = max(1, round((throttle.wait() or 60) / 60))
        context["throttled"] = _(
            "Bạn đã gửi nhiều phản ánh, kiến nghị trong thời gian ngắn. Hãy thử lại sau %(minutes)s phút; "
            "nội dung bạn đã nhập vẫn được giữ dưới đây."
        ) % {"minutes": minutes}
        return render(request, "feedback/send.html", context, status=429)
    data = form.cleaned_data
    feedback = services.send_feedback(
        agency=data.get("agency"),
        kind=data["kind"],
        title=data["title"],
        content=data["content"],
        procedure=data.get("procedure_code"),
        record=data.get("record_code"),
        sender=user,
        sender_name=data["sender_name"],
        sender_contact=data["sender_contact"],
        channel=data["channel"],
        client_ip=client_ip(request),
    )
    request.session[SENT_SESSION_KEY] = feedback.code
    return redirect("feedback:sent")


@never_cache
@require_GET
def sent(request):
    """After sending: the follow-up code, once more on reload (kept in the session, never in the address)."""
    code = request.session.get(SENT_SESSION_KEY)
    feedback = Feedback.objects.filter(code=code).select_related("agency").first() if code else None
    if feedback is None:
        return redirect("feedback:send")
    return render(request, "feedback/sent.html", {"feedback": feedback})


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    """The sender follows their feedback by its code (in the request's body, not the address)."""
    if request.method == "GET":
        return render(request, "feedback/status.html", {"form": StatusForm()})
    form = StatusForm(request.POST)
    throttle = FeedbackStatusThrottle()
    if not throttle.allow_request(request, None):
        minutes = max(1, round((throttle.wait() or 60) / 60))
        message = _("Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau %(minutes)s phút.") % {"minutes": minutes}
        return render(request, "feedback/status.html", {"form": form, "throttled": message}, status=429)
    if not form.is_valid():
        return render(request, "feedback/status.html", {"form": form, "has_errors": True}, status=400)
    feedback = (
        Feedback.objects.select_related("agency", "procedure")
        .filter(code=services.normalise_code(form.cleaned_data["code"]))
        .first()
    )
    context = {"form": form, "feedback": feedback, "not_found": feedback is None}
    return render(request, "feedback/status.html", context, status=404 if feedback is None else 200)


@require_GET
def answers(request):
    """Questions and answers the agencies chose to publish."""
    agency_code = request.GET.get("agency", "")[:32]
    page = Paginator(selectors.published_answers(agency_code), 20).get_page(request.GET.get("page"))
    agency = Agency.objects.filter(code=agency_code).first() if agency_code else None
    return render(request, "feedback/answers.html", {"page": page, "agency": agency})


@require_GET
def agency_qr(request, code):
    """A printable A4 page for the agency's counter: its QR code opens the feedback form with the agency chosen."""
    agency = get_object_or_404(Agency, code=code, is_active=True)
    url = portal_url(f"{reverse('feedback:send_to', args=[agency.code])}?qr=1")
    return render(
        request,
        "feedback/agency_qr.html",
        {"agency": agency, "url": url, "qr": qr_data_uri(url), "days": ANSWER_WORKING_DAYS},
    )
