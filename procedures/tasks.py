from celery import shared_task

from . import services


@shared_task(name="procedures.tasks.activate_due_versions")
def activate_due_versions() -> int:
    """Idempotent: a version already current is left alone."""
    return services.activate_due_versions()


@shared_task(name="procedures.tasks.flush_view_counts")
def flush_view_counts() -> int:
    return services.flush_view_counts()
