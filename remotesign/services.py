"""The provider's operations behind its CSC API: clients, subscribers, one-time codes, SAD, signatures.

CSC (Cloud Signature Consortium API v2) in short: the client (the portal) logs in
(``auth/login``), lists a user's credentials, reads a credential's certificate
chain, asks for a one-time code to be sent to the user (``credentials/sendOTP``),
exchanges the code the user typed for Signature Activation Data
(``credentials/authorize``) and has hashes signed with it (``signatures/signHash``).
The user's code, never the client, is what lets a key sign.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import secrets

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from . import sms
from .models import Authorization, Credential, KeyAlgorithm, Subscriber
from .pki import ProviderPKI

TOKEN_SALT = "remotesign.csc.access-token"  # noqa: S105 -- a salt, not a secret
TOKEN_SECONDS = 3600
OTP_DIGITS = 6
MAX_SIGNATURES_PER_SAD = 10

HASH_OIDS = {
    "2.16.840.1.101.3.4.2.1": hashes.SHA256,
    "2.16.840.1.101.3.4.2.2": hashes.SHA384,
    "2.16.840.1.101.3.4.2.3": hashes.SHA512,
}
RSA_OID = "1.2.840.113549.1.1.1"
SIGN_ALGOS = {
    KeyAlgorithm.RSA: [RSA_OID, "1.2.840.113549.1.1.11"],
    KeyAlgorithm.ECDSA: ["1.2.840.10045.2.1", "1.2.840.10045.4.3.2"],
}


class CSCError(Exception):
    """An error answered in CSC's shape: ``{"error": code, "error_description": text}``."""

    def __init__(self, code: str, description: str, status: int = 400):
        super().__init__(description)
        self.code, self.description, self.status = code, description, status


def otp_seconds() -> int:
    return int(getattr(settings, "REMOTESIGN_OTP_SECONDS", 300))


def otp_max_attempts() -> int:
    return int(getattr(settings, "REMOTESIGN_OTP_MAX_ATTEMPTS", 5))


def otp_resend_seconds() -> int:
    return int(getattr(settings, "REMOTESIGN_OTP_RESEND_SECONDS", 30))


# --- clients -------------------------------------------------------------------


def _clients() -> dict[str, str]:
    """The relying parties allowed to call the API: {client_id: secret}."""
    return {settings.REMOTESIGN_CLIENT_ID: settings.REMOTESIGN_CLIENT_SECRET}


def login(client_id: str, secret: str) -> dict:
    expected = _clients().get(client_id)
    if not expected or not hmac.compare_digest(expected.encode(), secret.encode()):
        raise CSCError("invalid_client", "Invalid client credentials", status=401)
    token = signing.dumps({"client": client_id}, salt=TOKEN_SALT, key=expected)
    return {"access_token": f"{client_id}.{token}", "token_type": "Bearer", "expires_in": TOKEN_SECONDS}


def client_of(token: str) -> str:
    client_id, _dot, signed = token.partition(".")
    secret = _clients().get(client_id)
    try:
        data = signing.loads(signed, salt=TOKEN_SALT, key=secret or "", max_age=TOKEN_SECONDS) if secret else None
    except signing.BadSignature:
        data = None
    if not data or data.get("client") != client_id:
        raise CSCError("invalid_token", "Invalid or expired access token", status=401)
    return client_id


# --- subscribers and credentials -------------------------------------------------


def enrol(user_id: str, name: str, phone: str, key_algorithm: str = KeyAlgorithm.RSA) -> Subscriber:
    """Register a subscriber and issue their first credential (the simulator's stand-in for the provider's own
    identity check at enrolment). A known subscriber is left as registered: their phone is never changed here."""
    if not (user_id.isdigit() and len(user_id) == 12) or not name.strip() or not phone.strip():
        raise CSCError("invalid_request", "userID (12 digits), name and phone are required")
    if key_algorithm not in KeyAlgorithm.values:
        raise CSCError("invalid_request", "Unsupported key algorithm")
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            user_id=user_id, defaults={"name": name.strip(), "phone": phone.strip()}
        )
        if not subscriber.credentials.filter(enabled=True).exists():
            issue_credential(subscriber, key_algorithm)
    return subscriber


def issue_credential(subscriber: Subscriber, key_algorithm: str = KeyAlgorithm.RSA) -> Credential:
    credential = Credential(subscriber=subscriber, key_algorithm=key_algorithm)
    credential.credential_id = str(credential.credential_id)
    cert = ProviderPKI().issue(
        credential.credential_id, name=subscriber.name, user_id=subscriber.user_id, algorithm=key_algorithm
    )
    credential.certificate_pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    credential.save()
    return credential


def credentials_of(user_id: str) -> list[str]:
    return list(
        Credential.objects.filter(subscriber__user_id=user_id, enabled=True)
        .order_by("created_at")
        .values_list("credential_id", flat=True)
    )


def credential(credential_id: str) -> Credential:
    found = Credential.objects.select_related("subscriber").filter(credential_id=str(credential_id)).first()
    if found is None or not found.enabled:
        raise CSCError("invalid_request", "Invalid parameter credentialID")
    return found


def _b64der(cert: x509.Certificate) -> str:
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


def credential_info(credential_id: str, certificates: str = "single") -> dict:
    found = credential(credential_id)
    cert = x509.load_pem_x509_certificate(found.certificate_pem.encode())
    pki = ProviderPKI()
    chain = [cert]
    if certificates == "chain":
        chain += [pki.issuing(), pki.root()]
    elif certificates == "none":
        chain = []
    return {
        "description": "Chứng thư số cá nhân - ký số từ xa",
        "key": {
            "status": "enabled",
            "algo": SIGN_ALGOS[found.key_algorithm],
            "len": 256 if found.key_algorithm == KeyAlgorithm.ECDSA else 2048,
            **({"curve": "1.2.840.10045.3.1.7"} if found.key_algorithm == KeyAlgorithm.ECDSA else {}),
        },
        "cert": {
            "status": "valid",
            "certificates": [_b64der(c) for c in chain],
            "issuerDN": cert.issuer.rfc4514_string(),
            "serialNumber": format(cert.serial_number, "X"),
            "subjectDN": cert.subject.rfc4514_string(),
            "validFrom": cert.not_valid_before_utc.strftime("%Y%m%d%H%M%SZ"),
            "validTo": cert.not_valid_after_utc.strftime("%Y%m%d%H%M%SZ"),
        },
        "authMode": "explicit",
        "SCAL": "SCAL1",
        "OTP": {"presence": "true", "type": "online", "ID": "sms", "format": "N", "label": "Mã OTP qua SMS"},
        "multisign": MAX_SIGNATURES_PER_SAD,
        "lang": "vi-VN",
    }


# --- one-time codes and SAD -------------------------------------------------------


def _digest(kind: str, value: str) -> str:
    return hmac.new(settings.REMOTESIGN_CLIENT_SECRET.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def _masked(phone: str) -> str:
    return f"{phone[:3]}****{phone[-3:]}" if len(phone) > 6 else "***"


def send_otp(credential_id: str) -> dict:
    """Text a fresh code to the subscriber's phone; codes sent before for the credential stop working."""
    found = credential(credential_id)
    now = timezone.now()
    with transaction.atomic():
        Credential.objects.select_for_update().filter(pk=found.pk).first()
        last = found.authorizations.filter(sad_hash="").first()
        if last is not None and (now - last.created_at).total_seconds() < otp_resend_seconds():
            raise CSCError("too_many_requests", "OTP was sent a moment ago; wait before asking again", status=429)
        found.authorizations.filter(sad_hash="").delete()
        code = f"{secrets.randbelow(10**OTP_DIGITS):0{OTP_DIGITS}d}"
        Authorization.objects.create(
            credential=found,
            otp_hash=_digest("otp", code),
            otp_expires_at=now + datetime.timedelta(seconds=otp_seconds()),
        )
    minutes = max(1, otp_seconds() // 60)
    sms.send_sms(
        found.subscriber.phone,
        f"Ma OTP ky so: {code}. Ma co hieu luc {minutes} phut. Khong cung cap ma nay cho bat ky ai.",
    )
    return {"phone": _masked(found.subscriber.phone), "expiresIn": otp_seconds()}


def authorize(credential_id: str, otp: str, num_signatures: int) -> dict:
    """SAD for ``num_signatures`` signatures in exchange for the right code, before it expires and within the
    allowed attempts; a wrong code counts an attempt, and the last allowed attempt spends the code."""
    found = credential(credential_id)
    if not 1 <= num_signatures <= MAX_SIGNATURES_PER_SAD:
        raise CSCError("invalid_request", "Invalid parameter numSignatures")
    now = timezone.now()
    with transaction.atomic():
        pending = Authorization.objects.select_for_update().filter(credential=found, sad_hash="").first()
        if pending is None:
            raise CSCError("invalid_otp", "No OTP was sent for this credential; send one first")
        if pending.otp_expires_at <= now:
            raise CSCError("invalid_otp", "The OTP has expired")
        if pending.attempts >= otp_max_attempts():
            raise CSCError("invalid_otp", "Too many wrong OTPs; send a new one")
        wrong = not hmac.compare_digest(pending.otp_hash, _digest("otp", str(otp).strip()))
        if wrong:  # counted in this transaction, which commits: the error is raised after it
            pending.attempts += 1
            pending.save(update_fields=["attempts"])
        else:
            sad = secrets.token_urlsafe(32)
            pending.sad_hash = _digest("sad", sad)
            pending.sad_expires_at = now + datetime.timedelta(seconds=otp_seconds())
            pending.signatures_left = num_signatures
            pending.save(update_fields=["sad_hash", "sad_expires_at", "signatures_left"])
    if wrong:
        left = otp_max_attempts() - pending.attempts
        raise CSCError("invalid_otp", f"The OTP is wrong; {left} attempts left")
    return {"SAD": sad, "expiresIn": otp_seconds()}


def sign_hash(credential_id: str, sad: str, hashes_b64: list, hash_oid: str, sign_algo: str) -> dict:
    found = credential(credential_id)
    if not isinstance(hashes_b64, list) or not hashes_b64:
        raise CSCError("invalid_request", "Missing parameter hashes")
    hash_class = HASH_OIDS.get(hash_oid)
    if hash_class is None and sign_algo in (RSA_OID, "1.2.840.10045.2.1"):
        raise CSCError("invalid_request", "Invalid parameter hashAlgorithmOID")
    if sign_algo not in SIGN_ALGOS[found.key_algorithm]:
        raise CSCError("invalid_request", "Invalid parameter signAlgo")
    hash_class = hash_class or hashes.SHA256
    try:
        digests = [base64.b64decode(h, validate=True) for h in hashes_b64]
    except (ValueError, TypeError):
        raise CSCError("invalid_request", "Invalid parameter hashes") from None
    if any(len(d) != hash_class.digest_size for d in digests):
        raise CSCError("invalid_request", "Invalid digest value length")
    with transaction.atomic():
        grant = (
            Authorization.objects.select_for_update()
            .filter(credential=found, sad_hash=_digest("sad", str(sad)))
            .first()
        )
        if grant is None or grant.sad_expires_at <= timezone.now():
            raise CSCError("invalid_request", "Invalid or expired SAD")
        if grant.signatures_left < len(digests):
            raise CSCError("invalid_request", "The SAD allows no more signatures")
        grant.signatures_left -= len(digests)
        grant.save(update_fields=["signatures_left"])
    key = ProviderPKI().private_key(found.credential_id)
    algorithm = utils.Prehashed(hash_class())
    signatures = []
    for digest in digests:
        if isinstance(key, rsa.RSAPrivateKey):
            value = key.sign(digest, padding.PKCS1v15(), algorithm)
        else:
            value = key.sign(digest, ec.ECDSA(algorithm))
        signatures.append(base64.b64encode(value).decode())
    return {"signatures": signatures}


def info() -> dict:
    return {
        "specs": "2.0.0.2",
        "name": "Ký số từ xa (mô phỏng)",
        "logo": "",
        "region": "VN",
        "lang": "vi-VN",
        "description": "Nhà cung cấp dịch vụ ký số từ xa mô phỏng; chứng thư không có giá trị pháp lý.",
        "authType": ["basic"],
        "methods": [
            "auth/login",
            "credentials/list",
            "credentials/info",
            "credentials/sendOTP",
            "credentials/authorize",
            "signatures/signHash",
        ],
    }
