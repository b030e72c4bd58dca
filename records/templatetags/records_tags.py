"""Record facts that pages of other apps show, so that those apps need not import records
(the online-service page lists the citizen's unfinished filings of the service)."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unfinished_filings(context, service) -> list:
    """The signed-in citizen's drafts and open records of ``service``, newest first (none for anyone else)."""
    request = context.get("request")
    return selectors.unfinished_for_service(getattr(request, "user", None), service)
