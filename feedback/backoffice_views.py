"""The agency's side, in the back-office: its feedback to answer (overdue marked), each one's page with the answer
form and the publish switch, and the ratings and comments its records received.

Staff of the agency only: an agency's pages answer 403 to other officers (they know the agency exists, it is not
theirs), a feedback of another agency 404, as the back-office's record pages do.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from common.net import client_ip
from identity import services as identity
from identity.decorators import staff_required
from procedures.models import Agency

from . import selectors, services
from .constants import Satisfaction
from .forms import AnswerForm
from .models import Feedback

SHOW = ("", "open", "overdue", "answered")


def _agency(request, code) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    identity.require_role(request.user, agency)
    return agency


def _feedback(request, pk) -> Feedback:
    feedback = get_object_or_404(Feedback.objects.select_related("agency", "procedure", "record", "answered_by"), pk=pk)
    if not services.may_handle(request.user, feedback.agency):
        raise Http404
    return feedback


@require_GET
@staff_required
def feedback_list(request, code):
    agency = _agency(request, code)
    show = request.GET.get("show", "")
    show = show if show in SHOW else ""
    page = Paginator(selectors.agency_feedback(agency, show), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/backoffice/list.html",
        {
            "agency": agency,
            "page": page,
            "show": show,
            "counts": selectors.agency_feedback_counts(agency),
            "today": timezone.localdate(),
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def feedback_detail(request, pk):
    feedback = _feedback(request, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer(
                feedback,
                by=request.user,
                text=form.cleaned_data["answer"],
                publish=form.cleaned_data["publish"],
                client_ip=client_ip(request),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã gửi trả lời."))
            return redirect("feedback_office:detail", pk=feedback.pk)
    context = {
        "feedback": feedback,
        "agency": feedback.agency,
        "form": form,
        "events": feedback.events.select_related("actor"),
        "overdue": feedback.is_overdue(),
        "has_errors": form.is_bound and not form.is_valid(),
    }
    return render(request, "feedback/backoffice/detail.html", context, status=400 if context["has_errors"] else 200)


@require_POST
@staff_required
def publish(request, pk):
    feedback = _feedback(request, pk)
    published = request.POST.get("published") == "1"
    try:
        services.set_published(feedback, by=request.user, published=published, client_ip=client_ip(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã công khai trả lời.") if published else _("Đã thôi công khai trả lời."))
    return redirect("feedback_office:detail", pk=feedback.pk)


@require_GET
@staff_required
def ratings(request, code):
    agency = _agency(request, code)
    page = Paginator(selectors.agency_ratings(agency), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/backoffice/ratings.html",
        {"agency": agency, "page": page, "figures": selectors.rating_averages(agency), "scale": Satisfaction.choices},
    )
