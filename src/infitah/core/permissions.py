"""The one permission entry point: `can(user, action, obj)`.

Each app declares its actions in its own `rules.py` with `@rule("app.action")`; views, templates and
the admin all ask `can()`. An action that nobody declared is refused (and reported in DEBUG), so a typo
never opens a door.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django_stubs_ext import StrOrPromise

from infitah.core.predicates import Person, signed_in

logger = logging.getLogger(__name__)


# A rule predicate, `(user, obj) -> bool`; each rule types its own user and object.
_Rule = TypeVar("_Rule", bound=Callable[..., bool])

_RULES: dict[str, Callable[..., bool]] = {}
_REASONS: dict[str, StrOrPromise] = {}


class Refused(PermissionDenied):
    """A refusal whose `reason` is written for the person refused (translated): the 403 page shows it.

    The one base of every refusal a person is told about. Each service names its own subclass
    (`PublishRefused`, `ContributionRefused`...) so its views can catch that one and show the reason as a form
    error or a flash message; one that no view catches still reaches the person, as the 403 page with its reason.
    A bare PermissionDenied (Django's own, the back office's) gets the page's general explanation instead.
    """

    def __init__(self, reason: StrOrPromise):
        # str() for logs and pytest's `match`; `reason` stays lazy so a page renders it in its own language.
        super().__init__(str(reason))
        self.reason = reason

    @property
    def message(self) -> StrOrPromise:
        """The reason, under the name ValidationError uses: views catching both read either the same way."""
        return self.reason


def rule(action: str, reason: StrOrPromise | None = None) -> Callable[[_Rule], _Rule]:
    """Declare `action`. `reason` (translatable, lazy) says who may do it; `require()` shows it when refusing."""

    def register(predicate: _Rule) -> _Rule:
        if action in _RULES and _RULES[action] is not predicate:
            raise ValueError(f"permission rule {action!r} declared twice")
        _RULES[action] = predicate
        if reason is not None:
            _REASONS[action] = reason
        return predicate

    return register


def refusal_reason(action: str) -> StrOrPromise | None:
    """What the rule of `action` says about who may do it, or None."""
    return _REASONS.get(action)


def require(user: Person | None, action: str, obj: object = None) -> None:
    """`can()`, or a `Refused` that tells the person why (the rule's reason when it gives one)."""
    if not can(user, action, obj):
        reason = refusal_reason(action)
        raise Refused(reason) if reason is not None else PermissionDenied


def declared_actions() -> list[str]:
    return sorted(_RULES)


def can(user: Person | None, action: str, obj: object = None) -> bool:
    """May `user` do `action` to `obj`? Platform administrators may do everything that is declared, except what a
    rule keeps for one party alone (`binds_administrators`)."""
    predicate = _RULES.get(action)
    if predicate is None:
        if settings.DEBUG:
            raise LookupError(f"undeclared permission {action!r}")
        logger.error("undeclared permission %r refused", action)
        return False
    if not signed_in(user):
        return bool(getattr(predicate, "public", False)) and predicate(user, obj)
    if user.is_superuser and not getattr(predicate, "binds_administrators", False):
        return True
    return bool(predicate(user, obj))


def binds_administrators(predicate: _Rule) -> _Rule:
    """Mark a rule that platform administrators are held to as well: what it guards belongs to one party alone (an
    assessment's draft is its party's until submitted), not to whoever runs the platform."""
    predicate.binds_administrators = True  # type: ignore[attr-defined]  # read back by can()
    return predicate


def public(predicate: _Rule) -> _Rule:
    """Mark a rule that anonymous visitors may pass too."""
    predicate.public = True  # type: ignore[attr-defined]  # a function takes attributes; can() reads it back
    return predicate
