"""A client of a remote-signing provider's CSC API v2, over HTTP with ``requests``.

Every failure becomes :class:`RemoteSigningError` with a message a citizen can act
on, in Vietnamese: the provider's own error descriptions are for developers.
"""

from __future__ import annotations

import base64
import logging

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from common.urls import portal_url

logger = logging.getLogger(__name__)


class RemoteSigningError(Exception):
    def __init__(self, message: str, code: str = ""):
        super().__init__(message)
        self.message, self.code = message, code


def base_url() -> str:
    return settings.REMOTESIGN_BASE_URL or portal_url("/remotesign")


def _citizen_message(status: int, code: str, description: str) -> str:
    """The provider's error, said to the citizen."""
    text = description.lower()
    if code == "invalid_otp":
        if "expired" in text:
            return _("Mã OTP đã hết hạn. Hãy bấm “Gửi lại mã OTP” để nhận mã mới.")
        if "too many" in text:
            return _("Bạn đã nhập sai mã OTP quá số lần cho phép. Hãy bấm “Gửi lại mã OTP” để nhận mã mới.")
        if "no otp" in text:
            return _("Chưa có mã OTP nào được gửi. Hãy bấm “Gửi mã OTP”.")
        return _("Mã OTP không đúng. Hãy kiểm tra tin nhắn và nhập lại.")
    if code == "too_many_requests" or status == 429:
        return _("Mã OTP vừa được gửi. Hãy chờ khoảng 30 giây rồi gửi lại.")
    if "sad" in text:
        return _("Phiên ký số đã hết hạn. Hãy gửi mã OTP và ký lại.")
    return _("Nhà cung cấp dịch vụ ký số từ xa từ chối yêu cầu. Vui lòng thử lại sau.")


class CSCClient:
    """One logged-in session with the provider (``auth/login`` once, then the bearer token)."""

    def __init__(self, url: str | None = None, client_id: str | None = None, secret: str | None = None):
        self.url = (url or base_url()).rstrip("/") + "/csc/v2/"
        self.root = (url or base_url()).rstrip("/") + "/"
        self.client_id = client_id or settings.REMOTESIGN_CLIENT_ID
        self.secret = secret or settings.REMOTESIGN_CLIENT_SECRET
        self.session = requests.Session()
        self.token = ""

    def _call(self, url: str, body: dict, *, auth=None) -> dict:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self.session.post(
                url, json=body, auth=auth, headers=headers, timeout=settings.REMOTESIGN_TIMEOUT
            )
        except requests.RequestException as error:
            logger.warning("Remote signing provider unreachable at %s: %s", url, error)
            raise RemoteSigningError(
                _("Không kết nối được dịch vụ ký số từ xa. Vui lòng thử lại sau ít phút."), "unavailable"
            ) from error
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code >= 400 or not isinstance(data, dict):
            code = str(data.get("error", "")) if isinstance(data, dict) else ""
            description = str(data.get("error_description", "")) if isinstance(data, dict) else ""
            logger.info("Remote signing provider refused %s: %s %s %s", url, response.status_code, code, description)
            raise RemoteSigningError(_citizen_message(response.status_code, code, description), code)
        return data

    def call(self, method: str, body: dict | None = None) -> dict:
        if not self.token:
            self.login()
        return self._call(self.url + method, body or {})

    def login(self) -> None:
        self.token = ""
        answer = self._call(self.url + "auth/login", {}, auth=(self.client_id, self.secret))
        self.token = answer.get("access_token", "")

    def info(self) -> dict:
        return self._call(self.url + "info", {})

    def enrol(self, user_id: str, name: str, phone: str) -> list[str]:
        """The simulated provider's enrolment (a real provider enrols its subscribers itself)."""
        if not self.token:
            self.login()
        return self._call(self.root + "sim/subscribers", {"userID": user_id, "name": name, "phone": phone}).get(
            "credentialIDs", []
        )

    def credentials(self, user_id: str) -> list[str]:
        return list(self.call("credentials/list", {"userID": user_id}).get("credentialIDs", []))

    def credential_info(self, credential_id: str) -> dict:
        return self.call("credentials/info", {"credentialID": credential_id, "certificates": "chain"})

    def send_otp(self, credential_id: str) -> dict:
        return self.call("credentials/sendOTP", {"credentialID": credential_id})

    def authorize(self, credential_id: str, otp: str, num_signatures: int) -> str:
        answer = self.call(
            "credentials/authorize", {"credentialID": credential_id, "numSignatures": num_signatures, "OTP": otp}
        )
        return answer["SAD"]

    def sign_hash(self, credential_id: str, sad: str, digest: bytes, hash_oid: str, sign_algo: str) -> bytes:
        answer = self.call(
            "signatures/signHash",
            {
                "credentialID": credential_id,
                "SAD": sad,
                "hashes": [base64.b64encode(digest).decode()],
                "hashAlgorithmOID": hash_oid,
                "signAlgo": sign_algo,
            },
        )
        try:
            return base64.b64decode(answer["signatures"][0])
        except (KeyError, IndexError, ValueError) as error:
            raise RemoteSigningError(_("Nhà cung cấp dịch vụ ký số từ xa trả lời không hợp lệ.")) from error
