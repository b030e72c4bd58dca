"""Checking uploaded files by what they contain, not by what they are called."""

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .constants import MAX_ATTACHMENT_SIZE

# Leading bytes of each accepted format → (content type, description).
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]


def sniff(head: bytes) -> str | None:
    for magic, content_type in SIGNATURES:
        if head.startswith(magic):
            return content_type
    return None


def check_upload(uploaded) -> tuple[str, str]:
    """(content type, sha256) of an acceptable upload; a ValidationError that says what to do otherwise."""
    if uploaded.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng; hãy chọn lại tệp.") % {"name": uploaded.name})
    if uploaded.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(
            _("Tệp “%(name)s” nặng %(size).1f MB, vượt quá 10 MB; hãy nén hoặc chụp lại với độ phân giải thấp hơn.")
            % {"name": uploaded.name, "size": uploaded.size / 1024 / 1024}
        )
    uploaded.seek(0)
    content_type = sniff(uploaded.read(16))
    if content_type is None:
        raise ValidationError(
            _(
                "Tệp “%(name)s” không phải PDF, JPEG hoặc PNG (cổng kiểm tra nội dung tệp, không chỉ đuôi tên). "
                "Hãy chụp lại giấy tờ bằng điện thoại, hoặc mở tệp và lưu lại dưới dạng PDF, rồi tải lên."
            )
            % {"name": uploaded.name}
        )
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return content_type, digest.hexdigest()
