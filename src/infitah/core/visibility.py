"""May this person see the object another object links to? One predicate per model, asked everywhere.

An object often names another: an event its program, phase and the commitments its findings fed; a body its
meetings; a commitment the associations that co-own it. The linked object may not be public (a program still in
preparation, an unpublished event, an association waiting for verification). Then, for whoever may not see it, the
link renders as nothing — no title, no link, no id — on the pages, in the feeds and in the API.

Each app declares, in its capability, which of its permission rules says who sees its models:

    Visibility(Program, "programs.view_program")

and every page, feed and API schema asks `sees(user, obj)` / `visible(user, obj)` (templates: the filters
`visible_to` and `all_visible_to` of `{% load infitah %}`). The public API asks for the anonymous visitor
(`user=None`). A model nobody registered is public (collectivities, advisory bodies).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model

from infitah.core.capabilities import accepts
from infitah.core.permissions import can

if TYPE_CHECKING:
    from infitah.core.predicates import Person

_M = TypeVar("_M", bound=Model)

_ACTIONS: dict[type[Model], str] = {}


@dataclass(frozen=True)
class Visibility:
    """A capability's contribution: the rule that says who sees `model`'s rows."""

    model: type[Model]
    action: str


def register_visibility(model: type[Model], action: str) -> None:
    """`action`: the permission rule (declared with `@rule`, marked `@public`) that says who sees `model`'s rows."""
    _ACTIONS[model] = action


accepts(Visibility, lambda entry: register_visibility(entry.model, entry.action))


def action_for(model: type[Model]) -> str | None:
    for klass in model.__mro__:
        if klass in _ACTIONS:
            return _ACTIONS[klass]
    return None


def sees(user: Person | None, obj: Model | None) -> bool:
    """May `user` (None: an anonymous visitor) see `obj`? False for nothing at all."""
    if obj is None:
        return False
    action = action_for(type(obj))
    return True if action is None else can(user, action, obj)


def visible(user: Person | None, obj: _M | None) -> _M | None:
    """`obj` when `user` may see it, else None: what a page, a feed or the API shows of a link."""
    return obj if sees(user, obj) else None


def all_visible(user: Person | None, objects: Iterable[_M]) -> list[_M]:
    """The objects `user` may see, in their order."""
    return [obj for obj in objects if sees(user, obj)]


def all_public(objects: Iterable[Model]) -> bool:
    """Whether an anonymous visitor sees every one of `objects`: then whoever reads, they see these and no more."""
    return all(sees(None, obj) for obj in objects)
