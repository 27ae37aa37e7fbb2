"""Small pure questions about the person asking, shared by the permission rules, selectors and services.

The role-based ones (staff of an object's collectivity, network coordinator) live in accounts.predicates; like
every `@rule` they take `(user, obj)`, so `any_of` composes them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, TypeVar

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class Person(Protocol):
    """Who asks: a signed-in user, Django's anonymous user, or None (a task, a command).

    Read-only properties, so that both the user model (where `is_authenticated` is a property) and Django's
    anonymous user match.
    """

    @property
    def pk(self) -> Any: ...

    @property
    def is_authenticated(self) -> bool: ...

    @property
    def is_active(self) -> bool: ...

    @property
    def is_superuser(self) -> bool: ...


_P = TypeVar("_P", bound=Person)
_U = TypeVar("_U")

# A rule predicate, `(user, obj) -> bool`, asked about a `_U`: `Predicate[User]` for the rules that only
# signed-in people reach, `Predicate[Viewer]` for the public ones.
Predicate = Callable[[_U, Any], bool]


def signed_in(user: _P | AnonymousUser | None) -> TypeGuard[_P]:
    """A person signed in with an account still active (never anonymous, never a deactivated account).

    When it is True, `user` is the signed-in person's own type (the user model for a `Viewer`).
    """
    return user is not None and user.is_authenticated and user.is_active


def any_of(*predicates: Predicate[_U]) -> Predicate[_U]:
    """A rule predicate that passes when one of `predicates` passes (asked in order, stopping at the first)."""

    def predicate(user: _U, obj: Any) -> bool:
        return any(each(user, obj) for each in predicates)

    return predicate
