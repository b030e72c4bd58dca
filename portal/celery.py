"""Celery application.

With ``REDIS_URL`` set, tasks go to Redis and run in separate worker
processes; without it (the embedded default) they run in-process, eagerly.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
