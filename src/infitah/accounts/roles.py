"""Questions about the roles a user holds, answered from `user.active_roles` (one query per request)."""

from infitah.accounts.models import NETWORK_ROLES, STAFF_ROLES, Role


def is_network_coordinator(user):
    return any(role == Role.NETWORK_COORDINATOR for role, _c in user.active_roles)


def collectivities_where(user, roles):
    """Ids of the collectivities where `user` holds one of `roles`."""
    return {collectivity for role, collectivity in user.active_roles if role in roles and collectivity}


def holds(user, roles, collectivity_id=None):
    """Does `user` hold one of `roles` in that collectivity (or anywhere, when it is None)?"""
    for role, collectivity in user.active_roles:
        if role in roles and (collectivity_id is None or collectivity == collectivity_id):
            return True
    return False


def is_collectivity_staff(user, collectivity_id=None):
    return holds(user, STAFF_ROLES, collectivity_id)


def assignable_roles(user, collectivity_id):
    """Roles `user` may grant in that collectivity: a coordinator sets up any collectivity role,
    a focal point grants the working roles of their own collectivity."""
    if user.is_superuser:
        return set(Role)
    if is_network_coordinator(user):
        return set(Role) - NETWORK_ROLES
    if holds(user, {Role.FOCAL_POINT}, collectivity_id):
        return {Role.EDITOR, Role.INFORMATION_OFFICER, Role.COUNCIL_MEMBER}
    return set()
