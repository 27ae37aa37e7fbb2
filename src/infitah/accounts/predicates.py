"""The role-based questions the permission rules of every app compose: is this person a network coordinator,
do they hold one of these roles in the collectivity an object belongs to?

Each takes `(user, obj)` like a `@rule`, so `any_of` (core.predicates) combines them; which collectivity an
object belongs to is core.scopes' one answer, so no app writes its own.
"""

from collections.abc import Collection
from typing import Any

from infitah.accounts.models import User
from infitah.accounts.roles import holds, is_network_coordinator
from infitah.core.predicates import Predicate
from infitah.core.scopes import collectivity_id_of


def network_coordinator(user: User, obj: Any = None) -> bool:
    """A coordinator of the network (who acts on every collectivity's behalf where the rules say so)."""
    return is_network_coordinator(user)


def staff_of(roles: Collection[str]) -> Predicate[User]:
    """A rule predicate: `user` holds one of `roles` in the collectivity of `obj`.

    With no object (or one that belongs to no collectivity), anywhere: "may this person do it at all?".
    """

    def predicate(user: User, obj: Any) -> bool:
        return holds(user, roles, collectivity_id_of(obj))

    return predicate
