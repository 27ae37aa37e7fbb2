from django import template

from infitah.accounts.models import STAFF_ROLES
from infitah.accounts.roles import holds, is_network_coordinator

register = template.Library()


@register.filter
def opens_desks(user):
    """Staff of a collectivity or a network coordinator: from the roles already loaded for the page (no query)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or is_network_coordinator(user) or holds(user, STAFF_ROLES)
