"""The chat page (``/assistant/``): a plain form and its answers, so the assistant works without JavaScript.

The last exchanges are kept in the session (``TRANSCRIPT_TURNS``) to show the conversation; they go with the
session (logging out, or its expiry) and are stored nowhere else. The widget on every page posts here when
JavaScript is off, and to the JSON API when it is on.
"""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from . import services
from .constants import TRANSCRIPT_TURNS
from .forms import AskForm
from .throttles import AssistantThrottle

TRANSCRIPT_KEY = "assistant:transcript"


@require_http_methods(["GET", "POST"])
def chat(request):
    transcript = request.session.get(TRANSCRIPT_KEY, [])
    if request.method == "GET":
        if request.GET.get("new"):
            request.session.pop(TRANSCRIPT_KEY, None)
            return redirect("assistant:chat")
        return _page(request, AskForm(), transcript)
    form = AskForm(request.POST)
    if not form.is_valid():
        return _page(request, form, transcript, status=400)
    if not AssistantThrottle().allow_request(request, None):
        return _page(request, form, transcript, status=429, throttled=True)
    data = form.cleaned_data
    try:
        reply = services.answer(
            request, question=data["question"].strip(), choice=data["choice"], context=data["context"]
        )
    except services.BadContext as error:
        form.add_error(None, str(error))
        return _page(request, form, transcript, status=400)
    said = data["question"].strip() or _option_label(transcript, data["choice"])
    transcript = [*transcript, {"q": said, "a": reply.as_dict()}][-TRANSCRIPT_TURNS:]
    request.session[TRANSCRIPT_KEY] = transcript
    return redirect(f"{request.path}#latest")


def _option_label(transcript, choice: str) -> str:
    """What the citizen chose, as the option they pressed read."""
    offered = transcript[-1]["a"].get("options", []) if transcript else []
    return next((option["label"] for option in offered if option["value"] == choice), choice)


def _page(request, form, transcript, status=200, throttled=False):
    latest = transcript[-1]["a"] if transcript else None
    return render(
        request,
        "assistant/chat.html",
        {"form": form, "transcript": transcript, "latest": latest, "throttled": throttled},
        status=status,
    )
