"""Who may download an issued PDF: the one place where that is decided.

Anyone may *verify* a document (the public verify page shows no personal data),
but the PDF itself carries the citizen's details. Today only superusers and
staff may download it. The app that owns a document's subject plugs in its own
rule with ``register_policy``; records will register one saying that the
applicant and the officers of the handling agency may, e.g.::

    # records/apps.py, in ready()
    from documents.access import register_policy
    register_policy(Record, records.policies.can_download_document)

A registered policy decides for everyone but superusers, staff included.
"""

from collections.abc import Callable

from django.db import models

Policy = Callable[[object, "models.Model"], bool]

_policies: dict[type[models.Model], Policy] = {}


def register_policy(model: type[models.Model], policy: Policy | None = None):
    """Register ``policy(user, document) -> bool`` for documents about ``model``; usable as a decorator."""

    def decorator(function: Policy) -> Policy:
        _policies[model] = function
        return function

    return decorator(policy) if policy is not None else decorator


def unregister_policy(model: type[models.Model]) -> None:
    _policies.pop(model, None)


def can_download(user, document) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    policy = _policies.get(document.content_type.model_class())
    if policy is not None:
        return bool(policy(user, document))
    return bool(user.is_staff)
