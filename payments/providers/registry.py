"""Payment providers by id, filled with ``@register("paygov")`` (see ``common.registry``).

The id is what a payment stores in ``Payment.provider``; ``PAYMENT_PROVIDER``
names the one new payments go through.
"""

from __future__ import annotations

from django.conf import settings

from common.registry import Registry

from .base import PaymentProvider

providers: Registry[PaymentProvider] = Registry(
    "payment provider", setting="PAYMENT_PROVIDER", modules=("payments.providers.paygov",)
)


def register(name: str):
    """Register a provider class under ``name`` (also its ``name``, stored on its payments)."""

    def decorator(cls: type[PaymentProvider]) -> type[PaymentProvider]:
        cls.name = name
        return providers.register(name)(cls)

    return decorator


def get_provider(name: str | None = None) -> PaymentProvider:
    """An instance of the provider ``name`` (default: ``settings.PAYMENT_PROVIDER``).

    Raises ``common.registry.UnknownPlugin`` (a ``LookupError``) for a name nobody registered.
    """
    return providers.get(name or getattr(settings, "PAYMENT_PROVIDER", "paygov"))()


def names() -> list[str]:
    return providers.identifiers()
