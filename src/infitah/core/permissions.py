"""The one permission entry point: `can(user, action, obj)`.

Each app declares its actions in its own `rules.py` with `@rule("app.action")`; views, templates and
the admin all ask `can()`. An action that nobody declared is refused (and reported in DEBUG), so a typo
never opens a door.
"""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)

_RULES = {}


def rule(action):
    def register(predicate):
        if action in _RULES and _RULES[action] is not predicate:
            raise ValueError(f"permission rule {action!r} declared twice")
        _RULES[action] = predicate
        return predicate

    return register


def declared_actions():
    return sorted(_RULES)


def can(user, action, obj=None):
    """May `user` do `action` to `obj`? Platform administrators may do everything that is declared."""
    predicate = _RULES.get(action)
    if predicate is None:
        if settings.DEBUG:
            raise LookupError(f"undeclared permission {action!r}")
        logger.error("undeclared permission %r refused", action)
        return False
    if user is None or not user.is_authenticated or not user.is_active:
        return bool(getattr(predicate, "public", False)) and predicate(user, obj)
    if user.is_superuser:
        return True
    return bool(predicate(user, obj))


def public(predicate):
    """Mark a rule that anonymous visitors may pass too."""
    predicate.public = True
    return predicate
