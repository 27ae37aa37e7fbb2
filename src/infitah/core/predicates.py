"""Small pure questions about the person asking, shared by the permission rules, selectors and services.

The role-based ones (staff of an object's collectivity, network coordinator) live in accounts.predicates; like
every `@rule` they take `(user, obj)`, so `any_of` composes them.
"""

from collections.abc import Callable
from typing import Any, Protocol


class Person(Protocol):
    """Who asks: a signed-in user, Django's anonymous user, or None (a task, a command)."""

    pk: Any
    is_authenticated: bool
    is_active: bool


Predicate = Callable[[Person | None, Any], bool]


def signed_in(user: Person | None) -> bool:
    """A person signed in with an account still active (never anonymous, never a deactivated account)."""
    return user is not None and user.is_authenticated and user.is_active


def any_of(*predicates: Predicate) -> Predicate:
    """A rule predicate that passes when one of `predicates` passes (asked in order, stopping at the first)."""

    def predicate(user: Person | None, obj: Any) -> bool:
        return any(each(user, obj) for each in predicates)

    return predicate
