"""Signing backends. ``get_signer()`` returns the one named by ``settings.DOCUMENT_SIGNER``.

The portal never touches a private key outside this package: a real deployment
points ``DOCUMENT_SIGNER`` at a client of its remote signing service (an HSM or a
provincial signing server) implementing :class:`documents.signing.base.Signer`.
"""

import functools

from django.conf import settings
from django.utils.module_loading import import_string

from .base import SignatureInfo, Signer, SigningError, read_signature_info

DEFAULT_SIGNER = "documents.signing.local.LocalSigner"

__all__ = ["SignatureInfo", "Signer", "SigningError", "get_signer", "read_signature_info"]


@functools.cache
def get_signer() -> Signer:
    """One signer per process, so keys and certificates are loaded once."""
    return import_string(getattr(settings, "DOCUMENT_SIGNER", DEFAULT_SIGNER))()
