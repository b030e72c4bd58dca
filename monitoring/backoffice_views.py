"""The agency head's statistics in the back-office (``/backoffice/agencies/<code>/statistics/``): the agency's
indicators for a period and each officer's share of them, the records overdue and due soon, and the records logbook
(Mẫu 06) for the period, on the page and as CSV or Excel.

Only the head of that agency sees them (403 for anyone else, the agency's other officers included): they name
officers and applicants.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from dataaccess.constants import AccessKind
from dataaccess.services import log_listing
from identity import services as identity
from identity.constants import StaffRole
from identity.decorators import staff_required
from identity.models import User
from procedures.models import Agency
from records import selectors

from . import indicators, logbook, reports
from .forms import StatisticsForm

LOGBOOK_PAGE = 50
DUE_LIST = 20  # rows of each of the overdue and due-soon lists; the queue has them all


def _head_agency(request, code) -> Agency:
    agency = get_object_or_404(Agency, code=code)
    if StaffRole.AGENCY_HEAD not in identity.staff_roles(request.user, agency):
        raise PermissionDenied(_("Chỉ thủ trưởng cơ quan xem được trang này."))
    return agency


def _period(request) -> tuple[StatisticsForm, reports.Period]:
    """The period picked, this month by default (a bad value is said on the page, which shows this month)."""
    today = timezone.localdate()
    form = StatisticsForm(request.GET or None, initial={"period": "month", "date": today})
    if request.GET and form.is_valid():
        return form, form.cleaned_data["period_value"]
    return form, reports.period_of("month", today)


def officer_rows(agency, period) -> list[dict]:
    """Each officer's decided records in the period (``indicators.by_officer``), by name."""
    figures = indicators.by_officer(agency.pk, period.start, period.end)
    users = User.objects.filter(pk__in=figures).only("username", "first_name", "last_name")
    rows = []
    for user in users:
        value = figures[user.pk]
        rows.append(
            {
                "name": user.get_full_name() or user.username,
                "username": user.username,
                "finished": value.finished,
                "on_time": value.finished_on_time,
                "late": value.finished_late,
                "on_time_share": value.on_time_share,
                "average_working_days": value.average_working_days,
            }
        )
    rows.sort(key=lambda row: (row["name"], row["username"]))
    return rows


@require_GET
@staff_required
def agency(request, code):
    agency = _head_agency(request, code)
    form, period = _period(request)
    data = reports.dashboard(reports.target("agency", agency.code), period)
    due = {
        name: selectors.queue(agency, request.user, selectors.QueueFilters(due=name, sort="due"), per_page=DUE_LIST)
        for name in ("overdue", "soon")
    }
    return render(
        request,
        "monitoring/backoffice/agency.html",
        {
            "agency": agency,
            "form": form,
            "period": period,
            "data": data,
            "officers": officer_rows(agency, period),
            "overdue": due["overdue"],
            "soon": due["soon"],
            "due_counts": selectors.due_counts(agency, fresh=True),
            "query": _period_query(period),
        },
    )


def _period_query(period) -> str:
    from urllib.parse import urlencode

    values = {"period": period.kind, "date": period.start.isoformat()}
    if period.kind == "range":
        values.update(start=period.start.isoformat(), end=period.end.isoformat())
    return urlencode(values)


@require_GET
@staff_required
def logbook_page(request, code):
    agency = _head_agency(request, code)
    form, period = _period(request)
    page = Paginator(logbook.received(agency, period.start, period.end), LOGBOOK_PAGE).get_page(request.GET.get("page"))
    # The book shows each applicant's address and phone: each citizen sees in their access log that the head read it.
    log_listing(request, AccessKind.LOGBOOK, page.object_list, agency=agency, detail=period.label)
    return render(
        request,
        "monitoring/backoffice/logbook.html",
        {
            "agency": agency,
            "form": form,
            "period": period,
            "page": page,
            "lines": logbook.lines(page.object_list, page.start_index() if page.object_list else 1),
            "columns": logbook.COLUMNS,
            "query": _period_query(period),
        },
    )


@require_GET
@staff_required
def logbook_export(request, code, fmt):
    agency = _head_agency(request, code)
    _form, period = _period(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    records = list(logbook.received(agency, period.start, period.end))
    log_listing(request, AccessKind.LOGBOOK, records, agency=agency, detail=f"{period.label} ({fmt})")
    if fmt == "csv":
        return logbook.csv_response(agency, period, records)
    return logbook.xlsx_response(agency, period, records)
