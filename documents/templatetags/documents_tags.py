"""Template helpers of portal pages (not PDFs) that list a subject's documents."""

from django import template

from ..services import documents_for

register = template.Library()


@register.simple_tag
def subject_documents(subject):
    return list(documents_for(subject)) if subject is not None else []
