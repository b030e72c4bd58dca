"""Template helpers of portal pages (not PDFs) that list a subject's documents."""

from django import template

from ..access import can_download
from ..services import documents_for

register = template.Library()


@register.simple_tag(takes_context=True)
def subject_documents(context, subject):
    """The subject's documents the current user may download (or will, once they are issued)."""
    if subject is None:
        return []
    request = context.get("request")
    user = getattr(request, "user", None)
    return [document for document in documents_for(subject) if can_download(user, document, subject)]
