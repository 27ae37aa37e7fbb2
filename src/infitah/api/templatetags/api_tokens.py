from django import template

from infitah.core.permissions import can

register = template.Library()


@register.filter
def uses_api_tokens(user) -> bool:
    """Whether the account menu offers the API tokens page (staff and coordinators)."""
    return can(user, "api.manage_tokens")
