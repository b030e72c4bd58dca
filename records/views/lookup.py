"""The public lookup of a record by its code and the applicant's ID number, limited per client.

The ID number travels in the body of a POST, never in the address (which browsers keep in their history and
servers and proxies in their logs, and which a link on the result page would pass on as the referrer).
"""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import selectors
from ..forms import LookupForm
from ..throttles import LookupThrottle


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    if request.method == "GET":
        code = request.GET.get("code", "")[:40]
        if "id_number" in request.GET:
            # An old link or bookmark (?code=&id_number=): off the address bar at once, and never looked up.
            return redirect(f"{reverse('records:lookup')}?{urlencode({'code': code})}" if code else "records:lookup")
        initial = {"code": code}
        return render(request, "records/lookup.html", {"form": LookupForm(initial=initial)})
    form = LookupForm(request.POST)
    throttle = LookupThrottle()
    if not throttle.allow_request(request, None):
        minutes = max(1, round((throttle.wait() or 60) / 60))
        message = _("Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau %(minutes)s phút.") % {"minutes": minutes}
        return render(request, "records/lookup.html", {"form": LookupForm(), "throttled": message}, status=429)
    record, not_found = None, False
    if form.is_valid():
        record = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["id_number"])
        not_found = record is None
    invalid = not form.is_valid()
    context = {"form": form, "record": record, "not_found": not_found, "has_errors": invalid}
    return render(request, "records/lookup.html", context, status=400 if invalid else (404 if not_found else 200))
