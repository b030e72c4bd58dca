"""The inbox of official notifications ("Thông báo"), one message, and the channel preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .channels import get_channel
from .constants import Channel
from .forms import PreferenceForm


@login_required
def inbox(request):
    page = Paginator(services.inbox(request.user), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread": services.unread_count(request.user)},
    )


@login_required
def detail(request, pk):
    message = get_object_or_404(services.inbox(request.user), pk=pk)
    services.mark_read(message)
    return render(request, "notifications/detail.html", {"message": message})


@require_POST
@login_required
def read_all(request):
    services.mark_all_read(request.user)
    return redirect("notifications:inbox")


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request):
    preference = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.save_preference(request.user, **form.cleaned_data)
        messages.success(request, _("Đã lưu cài đặt thông báo."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "email_address": get_channel(Channel.EMAIL).address_for(request.user),
            "phone": get_channel(Channel.SMS).address_for(request.user),
        },
    )
