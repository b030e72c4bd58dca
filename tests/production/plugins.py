"""Stand-ins for the real SMS gateway and remote signing service a production configuration names
(SMS_BACKEND, DOCUMENT_SIGNER as dotted paths): the portal ships only demonstration ones, which production
refuses. The configuration tests only need classes that are not demonstrations; nothing here is called."""

from common.registry import Plugin


class CarrierSms(Plugin):
    def send(self, phone: str, text: str) -> None:  # pragma: no cover - never called
        raise NotImplementedError


class RemoteSigner(Plugin):
    def sign(self, pdf_bytes: bytes, *, agency, signed_by: str = "") -> bytes:  # pragma: no cover
        raise NotImplementedError
