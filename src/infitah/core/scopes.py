"""Which collectivity an object belongs to: the one question every permission rule, the audit log and the
participation rows ask, answered in one place.

The app that owns a model whose collectivity is not its own `collectivity_id` field says how to find it, once,
in its capability declaration:

    Scope(Axis, lambda axis: axis.program.collectivity_id)

Core imports no other app: the apps register their models (a collectivity answers its own id, a program's axis
its program's collectivity...), and anything unregistered answers its `collectivity_id` attribute, or None for
what belongs to the whole network.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from infitah.core.capabilities import accepts

# Called with the registered model's rows: typed loosely so each declaration's lambda may read its own fields.
CollectivityOf = Callable[[Any], int | None]

_SCOPES: dict[str, CollectivityOf] = {}


@dataclass(frozen=True)
class Scope:
    """A capability's contribution: how to find the collectivity of `model`'s objects."""

    model: type[models.Model]
    collectivity: CollectivityOf


def register_scope(model: type[models.Model], collectivity: CollectivityOf) -> None:
    """Say how to find the collectivity of `model`'s objects (the last registration of a model wins)."""
    _SCOPES[model._meta.label_lower] = collectivity


def unregister_scope(model: type[models.Model], collectivity: CollectivityOf | None = None) -> None:
    """Forget how `model` is scoped; only if it is still `collectivity`, when that is given."""
    label = model._meta.label_lower
    if collectivity is None or _SCOPES.get(label) is collectivity:
        _SCOPES.pop(label, None)


accepts(Scope, lambda scope: register_scope(scope.model, scope.collectivity))


def collectivity_id_of(obj: models.Model | None) -> int | None:
    """The id of the collectivity `obj` belongs to; None for nothing, or for what belongs to the whole network."""
    if obj is None:
        return None
    scope = _SCOPES.get(obj._meta.label_lower)
    if scope is not None:
        return scope(obj)
    return getattr(obj, "collectivity_id", None)
