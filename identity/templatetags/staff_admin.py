"""``{% manages_staff user as flag %}``: whether the back-office shows the way to the staff pages."""

from django import template

from identity.staffing import administered_agencies

register = template.Library()


@register.simple_tag
def manages_staff(user) -> bool:
    return administered_agencies(user).exists()
