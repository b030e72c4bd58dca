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
