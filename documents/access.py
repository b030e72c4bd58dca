"""Who may download an issued PDF: the one place where that is decided.

Anyone may *verify* a document (the public verify page shows no personal data),
but the PDF itself carries the citizen's details. Without a policy only
superusers and staff may download it. The app that owns a document's subject
plugs in its own rule with ``register_policy``, e.g.::

    # payments/apps.py, in ready()
    from documents.access import register_policy
    register_policy(Payment, policies.can_download_receipt)

(records' rule is ``documents.receivers.record_policy``: the applicant, and the
officers of the handling agency.)

A registered policy decides for everyone but superusers, staff included.
"""

from collections.abc import Callable

from django.db import models

# policy(user, document, subject=None): ``subject`` is the document's subject when the caller has it at hand.
Policy = Callable[..., bool]

_policies: dict[type[models.Model], Policy] = {}


def register_policy(model: type[models.Model], policy: Policy | None = None):
    """Register ``policy(user, document, subject=None) -> bool`` for documents about ``model``; a decorator too."""

    def decorator(function: Policy) -> Policy:
        _policies[model] = function
        return function

    return decorator(policy) if policy is not None else decorator


def unregister_policy(model: type[models.Model]) -> None:
    _policies.pop(model, None)


def record_of(document, subject=None):
    """The record ``document`` belongs to: its subject when that is a record, or the subject's ``record`` (a
    payment's e-receipt); None for anything else. Its doors then ask the record's VNeID level of its applicant."""
    from records.models import Record

    subject = subject if subject is not None else document.subject
    if isinstance(subject, Record):
        return subject
    record = getattr(subject, "record", None)
    return record if isinstance(record, Record) else None


def can_download(user, document, subject=None) -> bool:
    """Whether ``user`` may download ``document`` (``subject``: its subject, if the caller already has it)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    model = type(subject) if subject is not None else document.content_type.model_class()
    policy = _policies.get(model)
    if policy is not None:
        return bool(policy(user, document, subject))
    return bool(user.is_staff)
