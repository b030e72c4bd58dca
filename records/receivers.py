"""Keep what records cache, and its drafts, in step with the tables they come from."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from eservices.models import OnlineService
from eservices.versioning import service_moved

from . import deadlines
from .drafts import follow_new_version
from .models import DayOff


@receiver(post_save, sender=DayOff)
@receiver(post_delete, sender=DayOff)
def on_day_off_changed(sender, **kwargs):
    deadlines.forget_days_off()


@receiver(service_moved, sender=OnlineService)
def on_service_moved(sender, service, old, new, **kwargs):
    follow_new_version(service, old, new)
