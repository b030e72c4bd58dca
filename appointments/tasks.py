"""Celery tasks of appointments, run by beat; idempotent."""

from celery import shared_task


@shared_task(name="appointments.tasks.send_reminders")
def send_reminders() -> int:
    """Remind citizens of tomorrow's appointments (inbox, e-mail, SMS), once per booking and slot."""
    from . import services

    return services.send_reminders()


@shared_task(name="appointments.tasks.generate_slots")
def generate_slots() -> int:
    """Write the coming weeks' slots of every agency with counters (booking pages also write them when missing)."""
    from procedures.models import Agency

    from . import slots
    from .models import Counter

    agencies = Agency.objects.filter(pk__in=Counter.objects.filter(is_active=True).values("agency_id"))
    return sum(slots.ensure_slots(agency) for agency in agencies)
