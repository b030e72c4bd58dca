"""The public lookup of a record by its code and the applicant's ID number, limited per client."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .. import selectors
from ..forms import LookupForm
from ..throttles import LookupThrottle


@require_GET
def lookup(request):
    form = LookupForm(request.GET or None)
    record = None
    not_found = False
    throttle = LookupThrottle()
    if request.GET and not throttle.allow_request(request, None):
        minutes = max(1, round((throttle.wait() or 60) / 60))
        message = _("Bạn đã tra cứu quá nhiều lần. Hãy thử lại sau %(minutes)s phút.") % {"minutes": minutes}
        return render(request, "records/lookup.html", {"form": LookupForm(), "throttled": message}, status=429)
    if request.GET and form.is_valid():
        record = selectors.lookup(form.cleaned_data["code"], form.cleaned_data["id_number"])
        not_found = record is None
    invalid = bool(request.GET) and not form.is_valid()
    context = {"form": form, "record": record, "not_found": not_found, "has_errors": invalid}
    return render(request, "records/lookup.html", context, status=400 if invalid else (404 if not_found else 200))
