"""Questions about the roles a user holds, answered from `user.active_roles` (one query per request)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from infitah.accounts.models import NETWORK_ROLES, STAFF_ROLES, Role

if TYPE_CHECKING:
    from infitah.accounts.models import User


def is_network_coordinator(user: User) -> bool:
    return any(role == Role.NETWORK_COORDINATOR for role, _c in user.active_roles)


def collectivities_where(user: User, roles: Collection[str]) -> set[int]:
    """Ids of the collectivities where `user` holds one of `roles`."""
    return {collectivity for role, collectivity in user.active_roles if role in roles and collectivity}


def holds(user: User, roles: Collection[str], collectivity_id: int | None = None) -> bool:
    """Does `user` hold one of `roles` in that collectivity (or anywhere, when it is None)?"""
    for role, collectivity in user.active_roles:
        if role in roles and (collectivity_id is None or collectivity == collectivity_id):
            return True
    return False


def is_collectivity_staff(user: User, collectivity_id: int | None = None) -> bool:
    return holds(user, STAFF_ROLES, collectivity_id)


def assignable_roles(user: User, collectivity_id: int | None) -> set[Role]:
    """Roles `user` may grant in that collectivity: a coordinator sets up any collectivity role,
    a focal point grants the working roles of their own collectivity."""
    if user.is_superuser:
        return set(Role)
    if is_network_coordinator(user):
        return set(Role) - NETWORK_ROLES
    if holds(user, {Role.FOCAL_POINT}, collectivity_id):
        return {Role.EDITOR, Role.INFORMATION_OFFICER, Role.COUNCIL_MEMBER}
    return set()
