"""HTML templates to A4 PDF with WeasyPrint, in the embedded Noto Serif font.

WeasyPrint is imported on first use: importing it costs most of a second, which
the web processes (that never render) should not pay at start-up.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import segno
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from common.urls import portal_url
from procedures.naming import place_of

from . import headers
from .constants import DocumentKind
from .models import Document

FONT_FILES = ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf")
PDF_VARIANT = "pdf/ua-1"


def verify_url(document: Document) -> str:
    return portal_url(reverse("documents:verify", args=[document.pk]))


def qr_data_uri(url: str) -> str:
    """A PNG QR code; PNG rather than SVG so the code survives as one image a reader can decode.

    The mask is fixed: trying all eight to pick the "best" costs more than the rest of the
    code's work, and readers decode any mask (the tests decode every issued code).
    """
    return segno.make(url, error="m", mask=0).png_data_uri(scale=4, border=2)


@cache
def fonts_dir() -> Path:
    found = finders.find(f"fonts/{FONT_FILES[0]}")
    if not found:
        raise RuntimeError("static/fonts/NotoSerif-Regular.ttf is missing: documents need their embedded font.")
    return Path(found).parent


def render_html(document: Document) -> str:
    """Official documents are issued in Vietnamese whatever the language of the request."""
    kind = DocumentKind(document.kind)
    url = verify_url(document)
    agency = document.agency
    with translation.override("vi"):
        return render_to_string(
            kind.template_name,
            {
                "document": document,
                "title": kind.label,
                "agency": agency,
                # The head: governing body, then the agency, in capitals, place names never split over two lines.
                "governing_body_line": headers.governing_body_line(agency),
                "agency_line": headers.agency_line(agency),
                "agency_name": headers.keep_together(agency.name, agency),
                "place": headers.keep_together(document.context.get("place") or place_name(agency), agency),
                "c": document.context,
                "verify_url": url,
                "qr_data_uri": qr_data_uri(url),
            },
        )


def render_pdf(html: str, *, title: str = "") -> bytes:
    _quiet_progress()
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    base_url = fonts_dir().as_uri() + "/"
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_url_fetcher()).write_pdf(
        font_config=FontConfiguration(), pdf_variant=PDF_VARIANT
    )


@cache
def _quiet_progress() -> None:
    """WeasyPrint logs each rendering step at INFO: seven lines per document in a worker's log, and time."""
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def place_name(agency) -> str:
    """ "Hà Nội" for "Thành phố Hà Nội": the place line of an official document omits the unit's kind, unless the
    unit is named after a person or a number ("Thành phố Hồ Chí Minh": ``procedures.naming.place_of``)."""
    if not agency.unit_id:
        return "Hà Nội"  # central agencies sit in the capital
    return place_of(agency.unit.name)


@cache
def _url_fetcher():
    """WeasyPrint may read our font files and inline data URIs, nothing else (no network, no other files)."""
    from weasyprint.urls import URLFetcher

    allowed = fonts_dir().as_uri() + "/"

    class FontsOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or url.startswith(allowed)):
                raise ValueError(f"Documents may not load {url[:80]!r}")
            return super().fetch(url, headers)

    return FontsOnlyFetcher(allowed_protocols={"file", "data"})
