"""The simulated provider's CSC API v2 over real HTTP: client login, credentials, the SMS one-time code and its
limits, and signatures over hashes that verify with the credential's certificate."""

import base64
import datetime
import hashlib

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils
from django.utils import timezone

from remotesign.models import Authorization

from .conftest import CLIENT_ID, CLIENT_SECRET, last_code

pytestmark = pytest.mark.django_db(transaction=True)

SHA256 = "2.16.840.1.101.3.4.2.1"
RSA = "1.2.840.113549.1.1.1"
ECDSA_SHA256 = "1.2.840.10045.4.3.2"
USER = "001092100037"
PHONE = "0912345678"


class CSC:
    def __init__(self, portal):
        self.base = f"{portal}/remotesign/"
        token = self.post("csc/v2/auth/login", auth=(CLIENT_ID, CLIENT_SECRET)).json()["access_token"]
        self.headers = {"Authorization": f"Bearer {token}"}

    def post(self, method, body=None, **kwargs):
        return requests.post(self.base + method, json=body or {}, timeout=30, **kwargs)

    def call(self, method, body=None, status=200):
        response = self.post(method, body, headers=self.headers)
        assert response.status_code == status, response.text
        return response.json()


def enrolled(csc, algo="rsa", user=USER, phone=PHONE):
    csc.call("sim/subscribers", {"userID": user, "name": "Nguyễn Văn An", "phone": phone, "keyAlgo": algo})
    return csc.call("csc/v2/credentials/list", {"userID": user})["credentialIDs"][0]


def test_the_client_must_log_in(portal):
    info = requests.post(f"{portal}/remotesign/csc/v2/info", json={}, timeout=30).json()
    assert "credentials/authorize" in info["methods"] and info["specs"].startswith("2.")
    wrong = requests.post(f"{portal}/remotesign/csc/v2/auth/login", auth=(CLIENT_ID, "nope"), json={}, timeout=30)
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    anonymous = requests.post(f"{portal}/remotesign/csc/v2/credentials/list", json={"userID": USER}, timeout=30)
    assert anonymous.status_code == 401
    forged = requests.post(
        f"{portal}/remotesign/csc/v2/credentials/list",
        json={"userID": USER},
        headers={"Authorization": f"Bearer {CLIENT_ID}.forged"},
        timeout=30,
    )
    assert forged.status_code == 401 and forged.json()["error"] == "invalid_token"


def test_a_hash_is_signed_with_the_sms_code_and_verifies_with_the_certificate(portal):
    csc = CSC(portal)
    credential = enrolled(csc)
    info = csc.call("csc/v2/credentials/info", {"credentialID": credential, "certificates": "chain"})
    chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in info["cert"]["certificates"]]
    assert len(chain) == 3  # the citizen's, the issuing CA's, the root's
    leaf = chain[0]
    assert leaf.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value == "Nguyễn Văn An"
    assert leaf.subject.get_attributes_for_oid(x509.NameOID.SERIAL_NUMBER)[0].value == f"CCCD:{USER}"
    assert leaf.issuer == chain[1].subject and chain[1].issuer == chain[2].subject

    sent = csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    assert sent["phone"] == "091****678"
    code = last_code(PHONE)
    wrong = str((int(code) + 1) % 1_000_000).zfill(6)
    refused = csc.call(
        "csc/v2/credentials/authorize", {"credentialID": credential, "numSignatures": 1, "OTP": wrong}, status=400
    )
    assert refused["error"] == "invalid_otp"
    sad = csc.call("csc/v2/credentials/authorize", {"credentialID": credential, "numSignatures": 1, "OTP": code})["SAD"]
    digest = hashlib.sha256(b"to khai").digest()
    body = {
        "credentialID": credential,
        "SAD": sad,
        "hashes": [base64.b64encode(digest).decode()],
        "hashAlgorithmOID": SHA256,
        "signAlgo": RSA,
    }
    signature = base64.b64decode(csc.call("csc/v2/signatures/signHash", body)["signatures"][0])
    leaf.public_key().verify(signature, digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
    # The SAD opened one signature: a second is refused, and so is a SAD made up.
    assert csc.call("csc/v2/signatures/signHash", body, status=400)["error"] == "invalid_request"
    assert csc.call("csc/v2/signatures/signHash", {**body, "SAD": "x" * 43}, status=400)["error"] == "invalid_request"


def test_ecdsa_credentials_sign_too(portal):
    csc = CSC(portal)
    credential = enrolled(csc, algo="ecdsa", user="079080100111", phone="0987654321")
    info = csc.call("csc/v2/credentials/info", {"credentialID": credential})
    leaf = x509.load_der_x509_certificate(base64.b64decode(info["cert"]["certificates"][0]))
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    sad = csc.call(
        "csc/v2/credentials/authorize",
        {"credentialID": credential, "numSignatures": 1, "OTP": last_code("0987654321")},
    )["SAD"]
    digest = hashlib.sha256(b"giay to").digest()
    answer = csc.call(
        "csc/v2/signatures/signHash",
        {
            "credentialID": credential,
            "SAD": sad,
            "hashes": [base64.b64encode(digest).decode()],
            "hashAlgorithmOID": SHA256,
            "signAlgo": ECDSA_SHA256,
        },
    )
    signature = base64.b64decode(answer["signatures"][0])
    leaf.public_key().verify(signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))


def test_a_code_expires(portal):
    csc = CSC(portal)
    credential = enrolled(csc)
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    code = last_code(PHONE)
    Authorization.objects.update(otp_expires_at=timezone.now() - datetime.timedelta(seconds=1))
    answer = csc.call(
        "csc/v2/credentials/authorize", {"credentialID": credential, "numSignatures": 1, "OTP": code}, status=400
    )
    assert answer["error"] == "invalid_otp" and "expired" in answer["error_description"]


def test_five_wrong_codes_spend_the_code(portal, settings):
    csc = CSC(portal)
    credential = enrolled(csc)
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    code = last_code(PHONE)
    wrong = str((int(code) + 7) % 1_000_000).zfill(6)
    for _attempt in range(5):
        csc.call("csc/v2/credentials/authorize", {"credentialID": credential, "OTP": wrong}, status=400)
    answer = csc.call("csc/v2/credentials/authorize", {"credentialID": credential, "OTP": code}, status=400)
    assert "Too many" in answer["error_description"]
    # A new code works again.
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    assert csc.call("csc/v2/credentials/authorize", {"credentialID": credential, "OTP": last_code(PHONE)})["SAD"]


def test_codes_are_not_sent_twice_in_a_moment(portal, settings):
    settings.REMOTESIGN_OTP_RESEND_SECONDS = 30
    csc = CSC(portal)
    credential = enrolled(csc)
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential})
    csc.call("csc/v2/credentials/sendOTP", {"credentialID": credential}, status=429)
