"""Links from the procedure catalogue to the online services that file it."""

from django import template

from ..models import OnlineService

register = template.Library()


@register.simple_tag
def online_services_for(version):
    """The active online services built on this procedure version."""
    return list(OnlineService.objects.filter(version=version, is_active=True).order_by("name"))
