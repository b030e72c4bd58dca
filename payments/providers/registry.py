"""Payment providers by name, filled with ``@register("name")`` when their module is imported."""

from __future__ import annotations

from django.conf import settings

from .base import PaymentProvider

_providers: dict[str, type[PaymentProvider]] = {}


def register(name: str):
    def decorator(cls: type[PaymentProvider]) -> type[PaymentProvider]:
        cls.name = name
        _providers[name] = cls
        return cls

    return decorator


def get_provider(name: str | None = None) -> PaymentProvider:
    """An instance of the provider ``name`` (default: ``settings.PAYMENT_PROVIDER``)."""
    _load_builtin()
    name = name or getattr(settings, "PAYMENT_PROVIDER", "paygov")
    try:
        return _providers[name]()
    except KeyError:
        raise LookupError(f"Unknown payment provider {name!r}") from None


def names() -> list[str]:
    _load_builtin()
    return sorted(_providers)


def _load_builtin() -> None:
    from . import paygov  # noqa: F401
