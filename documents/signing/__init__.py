"""Signing backends. ``get_signer()`` returns the one named by ``settings.DOCUMENT_SIGNER``.

The portal never touches a private key outside this package: a real deployment
points ``DOCUMENT_SIGNER`` at a client of its remote signing service (an HSM or a
provincial signing server) implementing :class:`documents.signing.base.Signer`,
registered in :mod:`documents.signing.registry` or named by its dotted path. The
local signer (``local``, the default) signs with a demonstration CA: it is a demo
plugin, refused when ``ENABLE_DEMO_PLUGINS`` is off.
"""

from .base import SignatureInfo, Signer, SigningError, read_signature_info
from .registry import DEFAULT_SIGNER, get_signer, register, signers

__all__ = [
    "DEFAULT_SIGNER",
    "SignatureInfo",
    "Signer",
    "SigningError",
    "get_signer",
    "read_signature_info",
    "register",
    "signers",
]
