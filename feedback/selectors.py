"""Reads of ratings and feedback, free of side effects: the agency's lists, the public list of answers, and the
figures the indicators (``monitoring``) take from them.

Periods: ``start`` and ``end`` are dates (``datetime.date``), both included, in the portal's time zone
(``TIME_ZONE``, Asia/Ho_Chi_Minh); ``None`` leaves that side open. ``agency_ids``: an iterable of agency ids, or
``None`` for every agency.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Avg, Count, Q
from django.utils import timezone

from .constants import SATISFIED_AT_LEAST, FeedbackState
from .models import Feedback, Rating


def _period(queryset, field: str, agency_ids, start, end):
    if agency_ids is not None:
        queryset = queryset.filter(agency_id__in=list(agency_ids))
    tz = timezone.get_current_timezone()
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": datetime.datetime.combine(start, datetime.time.min, tz)})
    if end is not None:
        after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tz)
        queryset = queryset.filter(**{f"{field}__lt": after})
    return queryset


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def satisfaction(agency_ids=None, start=None, end=None, *, group_by: str | None = None, **annotations) -> dict:
    """Citizens' satisfaction with the handling of their records, from their ratings given in the period.

    Returns ``{"ratings": n, "satisfied": s, "rate": s / n}`` (``rate`` is a fraction between 0 and 1 rounded to
    four places, ``None`` when there is no rating). A rating counts as *satisfied* when its overall criterion is
    4 (satisfied) or 5 (very satisfied) on the five-level scale (``constants.SATISFIED_AT_LEAST``). A rating
    belongs to the agency that returned the result, and to the period in which it was given (``created_at``).

    ``group_by``: those figures per value of a field or of one of ``annotations`` (the indicators group them by
    agency, by province, by month), in one query: ``{value: figures}``.
    """
    figures = {"ratings": Count("id"), "satisfied": Count("id", filter=Q(overall__gte=SATISFIED_AT_LEAST))}
    rows = _period(Rating.objects.all(), "created_at", agency_ids, start, end).annotate(**annotations)
    if group_by is None:
        totals = rows.aggregate(**figures)
        return {**totals, "rate": _rate(totals["satisfied"], totals["ratings"])}
    grouped = rows.values(group_by).annotate(**figures).order_by()
    return {row.pop(group_by): {**row, "rate": _rate(row["satisfied"], row["ratings"])} for row in grouped}


def _on_time(answered_at, due_date) -> bool:
    """Answered on or before the due date, the day of the answer taken in the portal's time zone (the database's
    date of a timestamp depends on its session's time zone, so it is compared here)."""
    return answered_at is not None and timezone.localdate(answered_at) <= due_date


def feedback_handling(
    agency_ids=None, start=None, end=None, today=None, *, group_by: str | None = None, **annotations
) -> dict:
    """How the agencies handled the feedback and petitions received in the period (``received_at``).

    Of the feedback received in the period:

    - ``received``: all of it;
    - ``answered``: those answered by now;
    - ``answered_on_time``: answered on or before their due date (``ANSWER_WORKING_DAYS`` working days after the
      day received, ``due_date``), the day of the answer taken in the portal's time zone;
    - ``overdue_open``: not answered and past their due date (``today``, default the current local date);
    - ``on_time_rate``: ``answered_on_time / received`` (Decision 766's "answered on time over all received"),
      ``None`` when nothing was received.

    ``group_by``: those figures per value of a field or of one of ``annotations``: ``{value: figures}``.
    """
    today = today or timezone.localdate()
    rows = _period(Feedback.objects.all(), "received_at", agency_ids, start, end).annotate(**annotations)
    grouped = defaultdict(lambda: dict.fromkeys(("received", "answered", "answered_on_time", "overdue_open"), 0))
    key = group_by or "pk"
    for value, state, answered_at, due in rows.values_list(key, "state", "answered_at", "due_date").iterator():
        figures = grouped[value if group_by else None]
        figures["received"] += 1
        figures["answered"] += int(state == FeedbackState.ANSWERED)
        figures["answered_on_time"] += int(state == FeedbackState.ANSWERED and _on_time(answered_at, due))
        figures["overdue_open"] += int(state == FeedbackState.RECEIVED and due < today)
    if group_by is None:
        grouped[None]  # noqa: B018 (the totals exist, zero, when nothing was received)
    for figures in grouped.values():
        figures["on_time_rate"] = _rate(figures["answered_on_time"], figures["received"])
    if group_by is None:
        return grouped[None]
    return dict(grouped)


# --- Pages ------------------------------------------------------------------------------


def agency_feedback(agency, show: str = ""):
    """The agency's feedback for its staff: open first by due date (overdue on top), then answered, newest first."""
    rows = Feedback.objects.filter(agency=agency).select_related("procedure", "record")
    today = timezone.localdate()
    if show == "open":
        rows = rows.filter(state=FeedbackState.RECEIVED)
    elif show == "overdue":
        rows = rows.filter(state=FeedbackState.RECEIVED, due_date__lt=today)
    elif show == "answered":
        rows = rows.filter(state=FeedbackState.ANSWERED)
    return rows.order_by("-state", "due_date", "-received_at") if show != "answered" else rows.order_by("-answered_at")


def agency_feedback_counts(agency) -> dict:
    today = timezone.localdate()
    return Feedback.objects.filter(agency=agency).aggregate(
        open=Count("id", filter=Q(state=FeedbackState.RECEIVED)),
        overdue=Count("id", filter=Q(state=FeedbackState.RECEIVED, due_date__lt=today)),
        answered=Count("id", filter=Q(state=FeedbackState.ANSWERED)),
    )


def published_answers(agency_code: str = ""):
    rows = Feedback.objects.filter(published=True).select_related("agency", "procedure")
    if agency_code:
        rows = rows.filter(agency__code=agency_code)
    return rows.order_by("-published_at", "-id")


def agency_ratings(agency):
    return Rating.objects.filter(agency=agency).select_related("record", "procedure").order_by("-created_at", "-id")


def rating_averages(agency) -> dict:
    """The average of each five-level criterion at the agency, and how many ratings."""
    from .services import RATING_CRITERIA

    scaled = [name for name in RATING_CRITERIA if Rating._meta.get_field(name).choices and name not in _NOT_SCALED]
    figures = Rating.objects.filter(agency=agency).aggregate(
        count=Count("id"),
        satisfied=Count("id", filter=Q(overall__gte=SATISFIED_AT_LEAST)),
        **{name: Avg(name) for name in scaled},
    )
    figures["rate"] = _rate(figures["satisfied"], figures["count"])
    figures["criteria"] = [(Rating._meta.get_field(name).verbose_name, figures[name]) for name in scaled]
    return figures


_NOT_SCALED = {"time_against_limit", "trips", "agencies_contacted", "complaint_handling"}
