"""Keep what records cache in step with the tables it comes from."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import deadlines
from .models import DayOff


@receiver(post_save, sender=DayOff)
@receiver(post_delete, sender=DayOff)
def on_day_off_changed(sender, **kwargs):
    deadlines.forget_days_off()
