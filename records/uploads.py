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
# Actions that open something outside the file as soon as it is opened or looked at, or clicked in it: a file on
# another computer (/GoToR, /GoToE; a ``\\\\host\\share`` path sends the officer's Windows credentials there),
# sound and film (/Sound, /Movie annotations and actions, /Rendition). A /URI action is a link to a web page:
# allowed where the officer clicks it (a link annotation) to an http(s) or mailto address, refused when it fires
# by itself (/OpenAction, /AA) or points anywhere else (file:, smb:, a ``\\\\host`` path).
OUTSIDE_PDF_NAMES = frozenset("/" + name for name in ("GoToR", "GoToE", "Rendition", "Sound", "Movie"))
WEB_LINK = re.compile(r"\s*(https?://|mailto:)", re.IGNORECASE)
# Action chains (/Next) followed at most this far.
MAX_PDF_ACTION_CHAIN = 64
# After the last %%EOF a reader finds nothing it acts on unless it is PDF syntax (an object a repairing
# reader would pick up); plain junk there (padding, a transfer tool's NULs) is tolerated as readers do.
PDF_SYNTAX_AFTER_EOF = re.compile(rb"obj|xref|trailer|stream")
# pyHanko parses ~5 MB of dense PDF syntax a second: a scanned 10 MB PDF is checked in ~20 ms, but 10 MB of
# tiny objects would hold a worker for ~15 s. Past this budget the file is refused rather than let through.
PDF_CHECK_SECONDS = 5
# Decoding a picture takes 3–4 bytes of memory a pixel. A JPEG is decoded at 1/8 scale (enough to find a broken
# file), so it may be large; a PNG cannot be, so it is held to a scanned A3 page at 300 dpi (~17 MP) and more.
MAX_IMAGE_PIXELS = {"JPEG": 100_000_000, "PNG": 25_000_000}
# A JPEG of several scans (progressive, or one scan a colour) is decoded another way: all its coefficients are
# held at once (~3 bytes a pixel at any scale: 300 MB at 100 MP), and every scan is a pass over all of them
# (~47 ms a scan at 81 MP). A file of 436 KB repeating its last scan 1,000 times held a worker for 47 s, and
# 10 MB of them would for an hour. Encoders write at most ~10 scans (libjpeg's progressive default: 10 in
# colour, 6 in grey), so the scans are counted from the markers before anything is decoded and more than
# MAX_JPEG_SCANS refused, and such a JPEG is held to the PNG's pixels: at most ~0.5 s and ~75 MB to check.
# Pillow's decoders cannot be interrupted once started, so the work is bounded by the file's structure,
# counted before decoding, rather than by a timer.
MAX_JPEG_SCANS = 32
MAX_MULTI_SCAN_JPEG_PIXELS = 25_000_000
# Pillow reads every JPEG marker segment and PNG chunk in Python (10 MB of empty ones: 2–4 s). Real files have
# a few dozen segments, and PNG chunks of 8–64 KB (libpng writes 8 KB): more than these is refused, unread.
MAX_JPEG_SEGMENTS = 1_000
MAX_PNG_CHUNKS = 10_000
# After the data of a scan, the next marker is a 0xFF not followed by 0x00 (a stuffed byte), a restart marker
# (0xD0–0xD7, inside the scan) or another 0xFF (fill).
JPEG_SCAN_END = re.compile(rb"\xff(?![\x00\xd0-\xd7\xff])", re.DOTALL)
# A damaged PDF, whose cross-reference table readers rebuild, is scanned byte by byte instead of parsed;
# this much of its streams is inflated at most (a small stream can inflate to gigabytes).
PDF_SCAN_INFLATE_LIMIT = 64 * 1024 * 1024
# pyHanko inflates a PDF's object and cross-reference streams whole to read the objects they hold: a 1 MB file
# whose object stream inflates to 1 GB took 2 GB of memory to check (10 MB would take 10 GB). Such streams are
# inflated first within this budget (a real file's take a few megabytes); past it, or in a filter that cannot
# be measured so (anything but FlateDecode), the file is refused as too complex.
PDF_OBJECT_STREAMS_INFLATE_LIMIT = 32 * 1024 * 1024
PDF_OBJECT_STREAM_TYPE = re.compile(rb"/Type\s*/(?:ObjStm|XRef)" + rb"(?=[\s/\[\]<>(){}%]|\Z)")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
PDF_NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
PDF_STREAM = re.compile(rb"stream\r?\n")
# The byte scan looks for the names it cares about in C (a flood of names read one by one in Python took 24 s
# for a 65 KB file whose stream inflates to 64 MB of "/a"); names written with #xx escapes are decoded one by
# one, at most this many (real files escape a few font names).
_NAME_END = rb"(?=[\s/\[\]<>(){}%]|\Z)"
PDF_PAGE_NAME = re.compile(rb"/Page" + _NAME_END)
PDF_ESCAPED_NAME = re.compile(rb"/([^\s/\[\]<>(){}%]*#[^\s/\[\]<>(){}%]*)")
MAX_PDF_ESCAPED_NAMES = 10_000
PDF_AUTOMATIC_ACTION = re.compile(rb"/AA" + _NAME_END + rb"|/OpenAction(?!\s*\[)")
PDF_OTHER_LINK = re.compile(rb"/URI\s*\((?!\s*(?:https?://|mailto:))", re.IGNORECASE)


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


class _TooManyScans(Exception):
    def __init__(self, scans: int):
        self.scans = scans


class _TooComplex(Exception):
    pass


def _check_image(uploaded, pillow_format: str) -> None:
    """Count a picture's scans and parts, then decode the whole image (a JPEG at 1/8 scale): a file Pillow cannot
    decode, or one with more scans, parts or pixels than officers' readers, or this check's time and memory, can
    take, is refused (the counts before anything is decoded)."""
    from PIL import Image

    data = uploaded.read()  # at most MAX_ATTACHMENT_SIZE
    try:
        max_pixels = MAX_IMAGE_PIXELS[pillow_format]
        if pillow_format == "JPEG":
            if _jpeg_scans(data) > 1:
                max_pixels = MAX_MULTI_SCAN_JPEG_PIXELS
        else:
            _count_png_chunks(data)
        with warnings.catch_warnings():
            # Over Image.MAX_IMAGE_PIXELS Pillow only warns (errors at twice that): refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
                if image.width * image.height > max_pixels:
                    raise _TooManyPixels
                image.verify()
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
                if pillow_format == "JPEG":
                    image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except _TooManyScans as many:
        raise ValidationError(
            _(
                "Ảnh “%(name)s” được lưu thành %(scans)s lớp (lượt quét JPEG), trong khi ảnh thường có không quá "
                "%(limit)s, nên cổng không kiểm tra được. Hãy mở ảnh và lưu lại dưới dạng JPEG thông thường "
                "(không chọn “progressive”) hoặc PNG, hoặc chụp lại giấy tờ, rồi tải lên."
            )
            % {"name": uploaded.name, "scans": many.scans, "limit": MAX_JPEG_SCANS}
        ) from None
    except _TooComplex:
        raise ValidationError(
            _(
                "Ảnh “%(name)s” có cấu trúc quá phức tạp (quá nhiều phần nhỏ) nên cổng không kiểm tra được. "
                "Hãy mở ảnh và lưu lại dưới dạng JPEG hoặc PNG, hoặc chụp lại giấy tờ, rồi tải lên."
            )
            % {"name": uploaded.name}
        ) from None
    except (_TooManyPixels, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _(
                "Ảnh “%(name)s” có quá nhiều điểm ảnh để cán bộ mở được. "
                "Hãy chụp hoặc quét lại với độ phân giải thấp hơn (200–300 dpi là đủ đọc) rồi tải lên."
            )
            % {"name": uploaded.name}
        ) from None
    except Exception:
        # A malformed file can make a decoder raise anything (OSError, SyntaxError, ValueError, ...).
        raise _broken(uploaded) from None


def _jpeg_scans(data: bytes) -> int:
    """The number of scans (SOS markers) of the JPEG in ``data``, walking its markers as libjpeg does, up to the
    end of the image (a second picture after it, such as a gain map, is not decoded). ``_TooManyScans`` past
    MAX_JPEG_SCANS, ``_TooComplex`` past MAX_JPEG_SEGMENTS; what does not parse is left to the decoder."""
    scans = segments = 0
    position, size = 2, len(data)  # after SOI
    while position < size:
        if data[position] != 0xFF:  # bytes between segments, skipped by libjpeg up to the next marker
            position = data.find(b"\xff", position)
            if position < 0:
                break
        while position < size and data[position] == 0xFF:  # fill bytes
            position += 1
        if position >= size:
            break
        marker = data[position]
        position += 1
        if marker == 0xD9:  # EOI
            break
        if marker in (0x00, 0x01, 0xD8) or 0xD0 <= marker <= 0xD7:  # no length follows
            continue
        segments += 1
        if segments > MAX_JPEG_SEGMENTS:
            raise _TooComplex
        length = int.from_bytes(data[position : position + 2], "big")
        position += max(length, 2)
        if marker == 0xDA:  # SOS: the scan's entropy-coded data follows its header
            scans += 1
            if scans > MAX_JPEG_SCANS:
                raise _TooManyScans(_count_remaining_scans(data, position, scans))
            following = JPEG_SCAN_END.search(data, position)
            if following is None:
                break
            position = following.start()
    return scans


def _count_remaining_scans(data: bytes, position: int, scans: int) -> int:
    """How many scans a refused JPEG holds, for the message: each SOS marker after ``position`` (in C)."""
    return scans + data.count(b"\xff\xda", position)


def _count_png_chunks(data: bytes) -> None:
    """``_TooComplex`` if the PNG in ``data`` has more than MAX_PNG_CHUNKS chunks before its end."""
    position, size = 8, len(data)  # after the signature
    for _chunk in range(MAX_PNG_CHUNKS):
        if position + 8 > size:
            return
        length = int.from_bytes(data[position : position + 4], "big")
        if data[position + 4 : position + 8] == b"IEND":
            return
        position += 12 + length
    if position + 8 <= size:
        raise _TooComplex


_CODE, _OUTSIDE = "code", "outside"


def _check_pdf(uploaded) -> None:
    """Parse the PDF and look at every object it lists: refuse what cannot be parsed and any active content."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = uploaded.read()  # at most MAX_ATTACHMENT_SIZE
    end = data.rfind(b"%%EOF")
    if end < 0 or PDF_SYNTAX_AFTER_EOF.search(data, end + 5):
        raise _broken(uploaded)
    deadline = time.monotonic() + PDF_CHECK_SECONDS
    if not _object_streams_fit(data):
        raise _too_complex_pdf(uploaded)
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
        active = _active_content(reader.trailer.flatten(), generic)
        refs = {
            ref for rev in range(reader.xrefs.total_revisions) for ref in reader.xrefs.explicit_refs_in_revision(rev)
        }
        for ref in refs:
            if active:
                break
            if time.monotonic() > deadline:
                raise _too_complex_pdf(uploaded)
            active = _active_content(reader.get_object(ref), generic)
    except ValidationError:
        raise
    except Exception:
        # pyHanko raises PdfReadError for most damage (a hostile file can trigger anything). Readers rebuild a
        # damaged cross-reference table, so many such scans open fine: look through the bytes instead.
        active = _active_in_bytes(uploaded, data, deadline)
    if active == _OUTSIDE:
        raise ValidationError(
            _(
                "Tệp “%(name)s” tự mở trang web, tệp trên máy khác, âm thanh hoặc phim khi được xem, nên không "
                "được nhận. Hãy in lại thành PDF (Print to PDF) hoặc quét lại giấy tờ rồi tải lên."
            )
            % {"name": uploaded.name}
        )
    if active:
        raise ValidationError(
            _(
                "Tệp “%(name)s” chứa mã lệnh hoặc tệp đính kèm bên trong nên không được nhận. "
                "Hãy in lại thành PDF (Print to PDF) hoặc quét lại giấy tờ rồi tải lên."
            )
            % {"name": uploaded.name}
        )


def _object_streams_fit(data: bytes) -> bool:
    """Whether the object and cross-reference streams of ``data`` inflate to PDF_OBJECT_STREAMS_INFLATE_LIMIT at
    most, all together. A stream's dictionary is the text between the last ``obj`` before it and ``stream``,
    its names decoded (``/Obj#53tm`` is ``/ObjStm``)."""
    import zlib

    budget, position = PDF_OBJECT_STREAMS_INFLATE_LIMIT, 0
    while match := PDF_STREAM.search(data, position):
        end = data.find(b"endstream", match.end())
        if end < 0:
            return True  # no stream a parser would read whole
        # Back to the previous stream at most: every byte is looked at once, however many streams there are.
        window = data[max(position, match.start() - 4096) : match.start()]
        position = end + len(b"endstream")
        dictionary = re.sub(
            rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), window[window.rfind(b"obj") :]
        )
        if not PDF_OBJECT_STREAM_TYPE.search(dictionary):
            continue
        filters = set(re.findall(rb"/(\w+Decode|LZW|Fl|AHx|A85|RL|CCF|DCT)\b", dictionary))
        if not filters:
            budget -= end - match.end()
        elif filters == {b"FlateDecode"} or filters == {b"Fl"}:
            inflater = zlib.decompressobj()
            try:
                budget -= len(inflater.decompress(data[match.end() : end], max(budget, 0) + 1))
            except zlib.error:
                continue  # damaged: pyHanko fails on it too, and the byte scan inflates within its own budget
        else:
            return False
        if budget < 0:
            return False
    return True


def _too_complex_pdf(uploaded) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” có cấu trúc quá phức tạp nên cổng không kiểm tra được. "
            "Hãy in lại thành PDF (Print to PDF) hoặc quét lại giấy tờ rồi tải lên."
        )
        % {"name": uploaded.name}
    )


def _active_in_bytes(uploaded, data: bytes, deadline: float) -> str | None:
    """What a PDF that does not parse holds, from its raw bytes and those of its streams that inflate (object
    streams hold objects compressed): refused as broken if nothing a reader could show, as too complex past
    the deadline. Names are searched for in C; those written with #xx escapes (``/J#61vaScript`` is
    ``/JavaScript``) decoded one by one, at most MAX_PDF_ESCAPED_NAMES."""
    import zlib

    if not PDF_OBJECT.search(data):
        raise _broken(uploaded)
    texts, budget, position = [data], PDF_SCAN_INFLATE_LIMIT, 0
    while budget > 0 and (match := PDF_STREAM.search(data, position)):
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        if time.monotonic() > deadline:
            raise _too_complex_pdf(uploaded)
        position = end + len(b"endstream")
        try:
            inflated = zlib.decompressobj().decompress(data[match.end() : end], budget)
        except zlib.error:
            continue  # not Flate (an image, say): its bytes were in the raw scan already
        budget -= len(inflated)
        texts.append(inflated)
    escaped = set()
    for text in texts:
        for count, match in enumerate(PDF_ESCAPED_NAME.finditer(text)):
            if count >= MAX_PDF_ESCAPED_NAMES:
                raise _too_complex_pdf(uploaded)
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), match.group(1))
            escaped.add("/" + name.decode("latin-1"))

    def named(names) -> bool:
        pattern = re.compile(rb"/(?:" + rb"|".join(re.escape(n[1:].encode()) for n in names) + rb")" + _NAME_END)
        return bool(escaped & set(names)) or any(pattern.search(text) for text in texts)

    if "/Page" not in escaped and not any(PDF_PAGE_NAME.search(text) for text in texts):
        raise _broken(uploaded)  # nothing a reader could show
    if named(ACTIVE_PDF_NAMES):
        return _CODE
    if named(OUTSIDE_PDF_NAMES):
        return _OUTSIDE
    # A link fires by itself from additional actions, or an open action that is not a page to show ([page /Fit]).
    automatic = bool(escaped & {"/AA", "/OpenAction"}) or any(PDF_AUTOMATIC_ACTION.search(text) for text in texts)
    if named({"/URI"}) and (automatic or any(PDF_OTHER_LINK.search(text) for text in texts)):
        return _OUTSIDE
    return None


def _opens_without_password(reader) -> bool:
    """Encrypted with an empty user password (a scanner's "no editing" setting): anyone can open it."""
    from pyhanko.pdf_utils.crypt import AuthStatus, StandardSecurityHandler

    if not isinstance(reader.security_handler, StandardSecurityHandler):
        return False
    return reader.decrypt(b"").status != AuthStatus.FAILED


def _active_content(obj, generic) -> str | None:
    """``_CODE`` if a name of ACTIVE_PDF_NAMES is a key or a value anywhere inside ``obj``; ``_OUTSIDE`` for a name
    of OUTSIDE_PDF_NAMES, a link anywhere but the web, or one that opens by itself (an /OpenAction or /AA of
    ``obj`` leading to a /URI action); None otherwise.

    Indirect references are not followed, except from /OpenAction and /AA to their actions: every indirect
    object is looked at on its own. The walk is iterative, so a deeply nested array cannot exhaust the stack.
    Names come decoded by the parser (``/J#61vaScript`` is ``/JavaScript``).
    """
    pending, found = [obj], None
    while pending:
        item = pending.pop()
        if isinstance(item, generic.DictionaryObject):  # streams too: their dictionary, not their data
            for key in item:
                if key in ACTIVE_PDF_NAMES:
                    return _CODE
                if key in OUTSIDE_PDF_NAMES:
                    found = _OUTSIDE
            if _deref(item, "/S") == "/URI" and not WEB_LINK.match(_text(_deref(item, "/URI"), generic)):
                found = _OUTSIDE
            if _opens_link_by_itself(item, generic):
                found = _OUTSIDE
            pending.extend(item.raw_get(key) for key in item)
        elif isinstance(item, generic.ArrayObject):
            pending.extend(item.raw_get(index) for index in range(len(item)))
        elif isinstance(item, generic.NameObject):
            if item in ACTIVE_PDF_NAMES:
                return _CODE
            if item in OUTSIDE_PDF_NAMES:
                found = _OUTSIDE
    return found


def _deref(dictionary, key: str):
    """``dictionary[key]`` with an indirect reference followed, None when absent or null."""
    try:
        return dictionary[key]
    except KeyError:
        return None


def _text(value, generic) -> str:
    if isinstance(value, generic.TextStringObject):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return ""


def _opens_link_by_itself(item, generic) -> bool:
    """Whether ``item``'s /OpenAction, or one of its /AA (additional actions: a page shown, a field entered...),
    is a /URI action, or one after it in its /Next chain."""
    actions = [_deref(item, "/OpenAction")]
    triggers = _deref(item, "/AA")
    if isinstance(triggers, generic.DictionaryObject):
        actions.extend(_deref(triggers, key) for key in triggers)
    for _step in range(MAX_PDF_ACTION_CHAIN):
        if not actions:
            return False
        action = actions.pop()
        if isinstance(action, generic.ArrayObject):  # /Next holds one action or an array of them
            actions.extend(action[index] for index in range(len(action)))
        elif isinstance(action, generic.DictionaryObject):  # an /OpenAction array is a page to show: ignored
            if "/S" in action and action.raw_get("/S") == "/URI":
                return True
            actions.append(_deref(action, "/Next"))
    return True  # a chain longer than any reader's: refused
