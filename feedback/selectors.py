"""Reads of ratings and feedback, free of side effects: the agency's lists, the public list of answers, and the
figures the indicators (``monitoring``) take from them.

Periods: ``start`` and ``end`` are dates (``datetime.date``), both included, in the portal's time zone
(``TIME_ZONE``, Asia/Ho_Chi_Minh); ``None`` leaves that side open. ``agency_ids``: an iterable of agency ids, or
``None`` for every agency.
"""

from __future__ import annotations

import datetime

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


def satisfaction(agency_ids=None, start=None, end=None) -> dict:
    """Citizens' satisfaction with the handling of their records, from their ratings given in the period.

    Returns ``{"ratings": n, "satisfied": s, "rate": s / n}`` (``rate`` is a fraction between 0 and 1 rounded to
    four places, ``None`` when there is no rating). A rating counts as *satisfied* when its overall criterion is
    4 (satisfied) or 5 (very satisfied) on the five-level scale (``constants.SATISFIED_AT_LEAST``). A rating
    belongs to the agency that returned the result, and to the period in which it was given (``created_at``).
    """
    figures = _period(Rating.objects.all(), "created_at", agency_ids, start, end).aggregate(
        ratings=Count("id"), satisfied=Count("id", filter=Q(overall__gte=SATISFIED_AT_LEAST))
    )
    return {**figures, "rate": _rate(figures["satisfied"], figures["ratings"])}


def feedback_handling(agency_ids=None, start=None, end=None, today=None) -> dict:
    """How the agencies handled the feedback and petitions received in the period (``received_at``).

    Of the feedback received in the period:

    - ``received``: all of it;
    - ``answered``: those answered by now;
    - ``answered_on_time``: answered on or before their due date (``ANSWER_WORKING_DAYS`` working days after the
      day received, ``due_date``), the day of the answer taken in the portal's time zone;
    - ``overdue_open``: not answered and past their due date (``today``, default the current local date);
    - ``on_time_rate``: ``answered_on_time / received`` (Decision 766's "answered on time over all received"),
      ``None`` when nothing was received.
    """
    today = today or timezone.localdate()
    rows = _period(Feedback.objects.all(), "received_at", agency_ids, start, end)
    figures = rows.aggregate(
        received=Count("id"),
        answered=Count("id", filter=Q(state=FeedbackState.ANSWERED)),
        overdue_open=Count("id", filter=Q(state=FeedbackState.RECEIVED, due_date__lt=today)),
    )
    # "On or before the due date" compares the local day of the answer: counted in Python over answered rows'
    # two columns, as the database's date of a timestamp depends on its session's time zone.
    answered = rows.filter(state=FeedbackState.ANSWERED).values_list("answered_at", "due_date")
    figures["answered_on_time"] = sum(1 for at, due in answered.iterator() if timezone.localdate(at) <= due)
    figures["on_time_rate"] = _rate(figures["answered_on_time"], figures["received"])
    return figures


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
