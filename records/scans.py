"""Periodic scans (Celery beat, ``records.tasks``): records past their due date, reminders before it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from . import deadlines, workflow
from .constants import WorkflowAction
from .models import Record
from .transitions import record_event


def scan_overdue(today=None) -> int:
    """Mark records past their due date (once each) with an "overdue" event; returns how many."""
    from .constants import RUNNING_CLOCK_STATES

    today = today or timezone.localdate()
    pks = list(
        Record.objects.filter(state__in=RUNNING_CLOCK_STATES, due_date__lt=today, overdue_since__isnull=True)
        .order_by("due_date")
        .values_list("pk", flat=True)
    )
    done = 0
    for pk in pks:
        try:
            record_event(Record(pk=pk), WorkflowAction.OVERDUE, actor=None, role=workflow.SYSTEM)
        except ValidationError:  # moved on meanwhile
            continue
        done += 1
    return done


def scan_step_overdue(now=None) -> int:
    """Mark records whose current step of the internal process is past its due time (once per step entered) with a
    "step overdue" event, which the handling officer is told of; returns how many."""
    from .constants import RUNNING_CLOCK_STATES

    now = now or timezone.now()
    pks = list(
        Record.objects.filter(
            state__in=RUNNING_CLOCK_STATES, step_due_at__lt=now, step_overdue_since__isnull=True
        ).values_list("pk", flat=True)
    )
    done = 0
    for pk in pks:
        try:
            record_event(Record(pk=pk), WorkflowAction.STEP_OVERDUE, actor=None, role=workflow.SYSTEM)
        except ValidationError:
            continue
        done += 1
    return done


def send_reminders(today=None, working_days: int = 2) -> int:
    """Remind the handling officer of records due within ``working_days`` working days (once per due date)."""
    from .constants import RUNNING_CLOCK_STATES

    today = today or timezone.localdate()
    horizon = deadlines.add_working_days(today, working_days, deadlines.extra_days_off())
    candidates = (
        Record.objects.filter(state__in=RUNNING_CLOCK_STATES, due_date__gt=today, due_date__lte=horizon)
        .exclude(reminded_for=models.F("due_date"))
        .values_list("pk", flat=True)
    )
    done = 0
    for pk in list(candidates):
        try:
            record_event(Record(pk=pk), WorkflowAction.REMINDER, actor=None, role=workflow.SYSTEM)
        except ValidationError:
            continue
        done += 1
    return done
