"""The e-form of a filing as a declaration (tờ khai) PDF, the document the citizen signs.

The portal has the form's answers, not a paper: the declaration prints them as the
citizen reviewed them, with a digest of the data, so that a form changed after
signing is told apart from the one signed (``form_digest``).
"""

from __future__ import annotations

import hashlib
import json

from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..rendering import render_pdf


def form_digest(record) -> str:
    """SHA-256 of the record's id and its form data: what a declaration signature stands for."""
    data = json.dumps(record.form_data or {}, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{record.pk}|{data}".encode()).hexdigest()


def render_declaration(record) -> bytes:
    from records.presenters import answers_shown

    definition = record.definition
    with translation.override("vi"):
        html = render_to_string(
            "documents/declaration.html",
            {
                "record": record,
                "title": record.service.name,
                "answers": answers_shown(definition, record.form_data or {}, record.prefilled_fields or []),
                "agency_name": record.agency.name if record.agency_id else "",
                "today": timezone.localdate(),
                "digest": form_digest(record),
            },
        )
    return render_pdf(html, title=f"Tờ khai - {record.service.name}")
