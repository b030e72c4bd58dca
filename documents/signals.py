"""Forget cached storage and signers when a test changes the settings they were built from."""

from django.core.signals import setting_changed
from django.dispatch import receiver


@receiver(setting_changed)
def _reset_caches(*, setting, **kwargs):
    if setting == "STORAGES":
        from .storage import document_storage

        document_storage._reset()
    elif setting in {"DOCUMENT_SIGNER", "DOCUMENT_SIGNING_DIR"}:
        from .signing import get_signer

        get_signer.cache_clear()
