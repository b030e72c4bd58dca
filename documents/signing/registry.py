"""Signing backends by id (``common.registry``); ``DOCUMENT_SIGNER`` names the one in use.

``DOCUMENT_SIGNER`` is a registered id (``local``, the default) or, as before,
the dotted path of a signer class: ``documents.signing.local.LocalSigner`` is
the same signer as ``local``, and a client of a remote signing service may be
plugged in by its path without registering it.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from common.registry import DEMO_SETTING, Registry

from .base import Signer

DEFAULT_SIGNER = "local"

signers: Registry[Signer] = Registry("document signer", setting="DOCUMENT_SIGNER", modules=("documents.signing.local",))
register = signers.register


@functools.cache
def get_signer() -> Signer:
    """One signer per process, so keys and certificates are loaded once."""
    return signers.resolve(getattr(settings, "DOCUMENT_SIGNER", DEFAULT_SIGNER))()


@receiver(setting_changed)
def _forget_signer(*, setting, **kwargs):
    """``documents.signals`` forgets the signer when DOCUMENT_SIGNER changes; the demo switch counts too."""
    if setting == DEMO_SETTING:
        get_signer.cache_clear()
