"""Checking uploaded files by what they contain, not by what they are called.

The first bytes only say which format a file claims to be. Officers open what
citizens send in desktop readers, so each file is then read the way a reader
would: images are fully decoded with Pillow, PDFs parsed with pyHanko and every
object looked at for active content (scripts, launch actions, embedded files,
form submission). A file that cannot be read is refused as broken.
"""

import hashlib
import io
import re
import time
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .constants import MAX_ATTACHMENT_SIZE

# Leading bytes of each accepted format → (content type, description).
SIGNATURES = [
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
]
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}

# PDF names that make a reader run code, start a program, carry other files or send data somewhere:
# JavaScript actions (also in /OpenAction and /AA), launch actions, embedded files and file attachment
# annotations, Flash/3D rich media, XFA forms (scripted) and form submission or data import actions.
ACTIVE_PDF_NAMES = frozenset(
    "/" + name
    for name in (
        "JavaScript",
        "JS",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "EF",
        "FileAttachment",
        "RichMedia",
        "XFA",
        "SubmitForm",
        "ImportData",
    )
)
# After the last %%EOF a reader finds nothing it acts on unless it is PDF syntax (an object a repairing
# reader would pick up); plain junk there (padding, a transfer tool's NULs) is tolerated as readers do.
PDF_SYNTAX_AFTER_EOF = re.compile(rb"obj|xref|trailer|stream")
# pyHanko parses ~5 MB of dense PDF syntax a second: a scanned 10 MB PDF is checked in ~20 ms, but 10 MB of
# tiny objects would hold a worker for ~15 s. Past this budget the file is refused rather than let through.
PDF_CHECK_SECONDS = 5
# Decoding a picture takes 3–4 bytes of memory a pixel. A JPEG is decoded at 1/8 scale (enough to find a broken
# file), so it may be large; a PNG cannot be, so it is held to a scanned A3 page at 300 dpi (~17 MP) and more.
MAX_IMAGE_PIXELS = {"JPEG": 100_000_000, "PNG": 25_000_000}
# A damaged PDF, whose cross-reference table readers rebuild, is scanned byte by byte instead of parsed;
# this much of its streams is inflated at most (a small stream can inflate to gigabytes).
PDF_SCAN_INFLATE_LIMIT = 64 * 1024 * 1024
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
PDF_NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
PDF_STREAM = re.compile(rb"stream\r?\n")


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
    uploaded.seek(0)
    if content_type == "application/pdf":
        _check_pdf(uploaded)
    else:
        _check_image(uploaded, PILLOW_FORMATS[content_type])
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return content_type, digest.hexdigest()


def _broken(uploaded) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” bị hỏng hoặc không phải PDF, JPEG, PNG thật, nên cán bộ không mở được. "
            "Hãy mở thử tệp trên máy của bạn, rồi lưu lại (hoặc quét, chụp lại giấy tờ) dưới dạng PDF, JPEG "
            "hoặc PNG và tải lên."
        )
        % {"name": uploaded.name}
    )


class _TooManyPixels(Exception):
    pass


def _check_image(uploaded, pillow_format: str) -> None:
    """Decode the whole image (a JPEG at 1/8 scale): a file Pillow cannot decode, or one with more pixels than
    officers' readers, or this check's memory, can take, is refused."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            # Over Image.MAX_IMAGE_PIXELS Pillow only warns (errors at twice that): refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded, formats=[pillow_format]) as image:
                if image.width * image.height > MAX_IMAGE_PIXELS[pillow_format]:
                    raise _TooManyPixels
                image.verify()
            uploaded.seek(0)
            with Image.open(uploaded, formats=[pillow_format]) as image:
                if pillow_format == "JPEG":
                    image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except (_TooManyPixels, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _(
                "Ảnh “%(name)s” có quá nhiều điểm ảnh để cán bộ mở được. "
                "Hãy chụp hoặc quét lại với độ phân giải thấp hơn (200–300 dpi là đủ đọc) rồi tải lên."
            )
            % {"name": uploaded.name}
        )
    except Exception:
        # A malformed file can make a decoder raise anything (OSError, SyntaxError, ValueError, ...).
        raise _broken(uploaded)


def _check_pdf(uploaded) -> None:
    """Parse the PDF and look at every object it lists: refuse what cannot be parsed and any active content."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = uploaded.read()  # at most MAX_ATTACHMENT_SIZE
    end = data.rfind(b"%%EOF")
    if end < 0 or PDF_SYNTAX_AFTER_EOF.search(data, end + 5):
        raise _broken(uploaded)
    try:
        reader = PdfFileReader(io.BytesIO(data[: end + 5]), strict=False)
        if reader.encrypted and not _opens_without_password(reader):
            raise ValidationError(
                _(
                    "Tệp “%(name)s” được đặt mật khẩu nên cán bộ không mở được. "
                    "Hãy gỡ mật khẩu, hoặc in lại thành PDF (Print to PDF), rồi tải lên."
                )
                % {"name": uploaded.name}
            )
        active = _has_active_name(reader.trailer.flatten(), generic)
        deadline = time.monotonic() + PDF_CHECK_SECONDS
        refs = {
            ref for rev in range(reader.xrefs.total_revisions) for ref in reader.xrefs.explicit_refs_in_revision(rev)
        }
        for ref in refs:
            if active:
                break
            if time.monotonic() > deadline:
                raise ValidationError(
                    _(
                        "Tệp “%(name)s” có cấu trúc quá phức tạp nên cổng không kiểm tra được. "
                        "Hãy in lại thành PDF (Print to PDF) hoặc quét lại giấy tờ rồi tải lên."
                    )
                    % {"name": uploaded.name}
                )
            active = _has_active_name(reader.get_object(ref), generic)
    except ValidationError:
        raise
    except Exception:
        # pyHanko raises PdfReadError for most damage (a hostile file can trigger anything). Readers rebuild a
        # damaged cross-reference table, so many such scans open fine: look through the bytes instead.
        names = _names_in(data) if PDF_OBJECT.search(data) else set()
        if "/Page" not in names:  # nothing a reader could show
            raise _broken(uploaded) from None
        active = bool(names & ACTIVE_PDF_NAMES)
    if active:
        raise ValidationError(
            _(
                "Tệp “%(name)s” chứa mã lệnh hoặc tệp đính kèm bên trong nên không được nhận. "
                "Hãy in lại thành PDF (Print to PDF) hoặc quét lại giấy tờ rồi tải lên."
            )
            % {"name": uploaded.name}
        )


def _names_in(data: bytes) -> set[str]:
    """The names in the raw bytes of a PDF that does not parse, and in those of its streams that inflate (object
    streams hold objects compressed), decoded (``/J#61vaScript`` is ``/JavaScript``)."""
    import zlib

    texts, budget = [data], PDF_SCAN_INFLATE_LIMIT
    for match in PDF_STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        if end < 0 or budget <= 0:
            break
        try:
            inflated = zlib.decompressobj().decompress(data[match.end() : end], budget)
        except zlib.error:
            continue  # not Flate (an image, say): its bytes were in the raw scan already
        budget -= len(inflated)
        texts.append(inflated)
    names = set()
    for text in texts:
        for match in PDF_NAME.finditer(text):
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), match.group(1))
            names.add("/" + name.decode("latin-1"))
    return names


def _opens_without_password(reader) -> bool:
    """Encrypted with an empty user password (a scanner's "no editing" setting): anyone can open it."""
    from pyhanko.pdf_utils.crypt import AuthStatus, StandardSecurityHandler

    if not isinstance(reader.security_handler, StandardSecurityHandler):
        return False
    return reader.decrypt(b"").status != AuthStatus.FAILED


def _has_active_name(obj, generic) -> bool:
    """Whether a name of ACTIVE_PDF_NAMES is a key or a value anywhere inside ``obj``.

    Indirect references are not followed: every indirect object is looked at on its own. The walk is
    iterative, so a deeply nested array cannot exhaust the stack. Names come decoded by the parser
    (``/J#61vaScript`` is ``/JavaScript``).
    """
    pending = [obj]
    while pending:
        item = pending.pop()
        if isinstance(item, generic.DictionaryObject):  # streams too: their dictionary, not their data
            if any(key in ACTIVE_PDF_NAMES for key in item):
                return True
            pending.extend(item.raw_get(key) for key in item)
        elif isinstance(item, generic.ArrayObject):
            pending.extend(item.raw_get(index) for index in range(len(item)))
        elif isinstance(item, generic.NameObject) and item in ACTIVE_PDF_NAMES:
            return True
    return False
