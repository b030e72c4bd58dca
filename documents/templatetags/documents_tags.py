"""Template helpers of portal pages (not PDFs) that list a subject's documents."""

from django import template

from ..access import can_download
from ..services import documents_with_related

register = template.Library()


@register.simple_tag(takes_context=True)
def subject_documents(context, subject):
    """The subject's documents the current user may download (or will, once they are issued), with those of the
    subjects other apps relate to it (a record's e-receipts: ``services.register_related_subjects``)."""
    if subject is None:
        return []
    request = context.get("request")
    user = getattr(request, "user", None)
    return [document for document, about in documents_with_related(subject) if can_download(user, document, about)]


@register.inclusion_tag("documents/_filing_signature.html")
def filing_signature(filing):
    """The review step's box about the citizen's remote signature of the declaration: signed or not, required or
    not, and the link to sign (``citizen_views.sign_filing``)."""
    from ..citizen_signing.services import declaration_signed, latest_declaration

    records = filing.records
    required = any(getattr(record.service, "requires_signed_declaration", False) for record in records)
    signed = all(declaration_signed(record) for record in records)
    return {
        "filing": filing,
        "required": required,
        "signed": signed,
        "latest": latest_declaration(records[0]) if signed else None,
    }


@register.simple_tag
def citizen_signatures(record):
    """The record's citizen signatures for the back-office, each validated again now."""
    from ..citizen_signing.services import signatures_for_officer

    return signatures_for_officer(record)
