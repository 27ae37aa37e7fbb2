"""Keyset (cursor) pagination: a page starts right after (or ends right before) the row a cursor names, found by
the values of the list's ordering, so reading page 1,000 costs an index seek, not a scan of 99,900 rows as SQL
OFFSET does.

A list's ordering always ends with the primary key (AppRouter.paged), so every row has one position. Empty values
(NULL) sort last in either direction on every database, so that SQLite (NULLs first when ascending) and PostgreSQL
(NULLs last) agree and a position holding NULL has a well-defined "after".

A cursor is the position's values, the direction and the ordering it was made for, signed (django.core.signing)
so that a client cannot forge one that would reach the database with values of the wrong type; anything that does
not verify is the API's 400 problem.
"""

import datetime
import decimal
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import Any

from django.core import signing
from django.core.exceptions import FieldDoesNotExist, FieldError, ValidationError
from django.db.models import F, Field, Model, OrderBy, Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.utils.translation import gettext as _
from ninja.errors import HttpError

SALT = "infitah.api.cursor"


@dataclass(frozen=True)
class Key:
    """One term of a list's ordering: the ORM name, its direction, and the field its values are read with."""

    name: str
    descending: bool
    nullable: bool
    field: Field | None

    def ordering(self, reverse: bool = False) -> OrderBy | str:
        descending = self.descending != reverse
        if not self.nullable:
            return f"-{self.name}" if descending else self.name
        # Empty values last whatever the direction; walking backwards, they come first.
        # (Django takes True or None for each, never False.)
        placement = {"nulls_first": True} if reverse else {"nulls_last": True}
        expression = F(self.name)
        return expression.desc(**placement) if descending else expression.asc(**placement)


@dataclass(frozen=True)
class Position:
    values: tuple[Any, ...]
    backward: bool  # the page ends right before this position (a `previous` link), instead of starting after it
    ordering: str  # the `?ordering=` this cursor was made for ("" for the list's default)


def keys_of(queryset: QuerySet) -> list[Key] | None:
    """The ordering of `queryset` as keys ending with the primary key; None when it is not made of plain fields or
    annotations (e.g. random order, or an expression), which lists then page by number only."""
    query = queryset.query
    terms = list(query.order_by) or (list(queryset.model._meta.ordering) if query.default_ordering else [])
    keys = []
    for term in terms:
        key = _key(queryset, term)
        if key is None:
            return None
        keys.append(key)
    pk_names = {"pk", queryset.model._meta.pk.name}
    if not keys or keys[-1].name not in pk_names:
        descending = keys[-1].descending if keys else False
        keys.append(Key("pk", descending, False, queryset.model._meta.pk))
    return keys


def _key(queryset: QuerySet, term: Any) -> Key | None:
    if isinstance(term, OrderBy) and isinstance(term.expression, F):
        name, descending = str(getattr(term.expression, "name", "")), term.descending
    elif isinstance(term, str) and term not in {"?", ""}:
        name, descending = term.removeprefix("-"), term.startswith("-")
    else:
        return None
    if name in queryset.query.annotations:
        return Key(name, descending, True, getattr(queryset.query.annotations[name], "output_field", None))
    field, nullable = _field(queryset.model, name)
    return None if field is None else Key(name, descending, nullable, field)


def _field(model: type[Model], name: str) -> tuple[Field | None, bool]:
    """The field `name` ("collectivity__code", "pk") ends on, and whether it can be empty along the way."""
    nullable = False
    field: Any = None
    for part in name.split(LOOKUP_SEP):
        if model is None:
            return None, True
        try:
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        except FieldDoesNotExist:
            return None, True
        if not field.concrete or field.many_to_many or field.one_to_many:
            return None, True
        nullable = nullable or bool(field.null)
        model = field.related_model
    if field is not None and field.is_relation:
        # Ordering by a foreign key orders by the related model's ordering: not a plain value.
        return None, True
    return field, nullable


def ordered(queryset: QuerySet, keys: Sequence[Key], reverse: bool = False) -> QuerySet:
    return queryset.order_by(*(key.ordering(reverse) for key in keys))


def values_of(row: Any, keys: Sequence[Key]) -> tuple[Any, ...]:
    """The row's position: each key's value, read through the relations the list already selected."""
    values = []
    for key in keys:
        value = row
        for part in key.name.split(LOOKUP_SEP):
            value = None if value is None else getattr(value, part)
        values.append(value)
    return tuple(values)


def beyond(keys: Sequence[Key], values: Sequence[Any], backward: bool) -> Q:
    """Rows strictly after `values` in the keys' order (before them when `backward`), empty values last.

    (a, b, pk) after (x, y, z): a after x, or a = x and b after y, or a = x and b = y and pk after z. The first
    key's bound is repeated on its own (a ≥ x), which lets the database seek its index instead of testing every
    row against the disjunction."""
    alternatives = []
    equal: list[Q] = []
    for key, value in zip(keys, values, strict=True):
        alternatives.append(reduce(and_, [*equal, _strictly(key, value, backward)]))
        equal.append(Q(**{f"{key.name}__isnull": True}) if value is None else Q(**{key.name: value}))
    condition = reduce(or_, alternatives)
    first_key, first_value = keys[0], values[0]
    return _at_least(first_key, first_value, backward) & condition


def _strictly(key: Key, value: Any, backward: bool) -> Q:
    name = key.name
    if value is None:
        # Empty values come last: nothing is after them, every non-empty value is before them.
        return Q(**{f"{name}__isnull": False}) if backward else Q(pk__in=[])
    lookup = "lt" if key.descending != backward else "gt"
    strictly = Q(**{f"{name}__{lookup}": value})
    if key.nullable and not backward:
        strictly |= Q(**{f"{name}__isnull": True})
    return strictly


def _at_least(key: Key, value: Any, backward: bool) -> Q:
    name = key.name
    if value is None:
        return Q() if backward else Q(**{f"{name}__isnull": True})
    lookup = "lte" if key.descending != backward else "gte"
    bound = Q(**{f"{name}__{lookup}": value})
    if key.nullable and not backward:
        bound |= Q(**{f"{name}__isnull": True})
    return bound


def encode(position: Position) -> str:
    payload: dict[str, Any] = {"v": [_plain(value) for value in position.values], "o": position.ordering}
    if position.backward:
        payload["b"] = 1
    return signing.dumps(payload, salt=SALT, compress=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def decode(cursor: str, keys: Sequence[Key], ordering: str) -> Position:
    """The position a cursor names, its values read back with the list's fields; a 400 problem if it was not made
    by this platform for this list's ordering."""
    try:
        payload = signing.loads(cursor, salt=SALT)
        raw = payload["v"]
        if not isinstance(raw, list) or len(raw) != len(keys) or payload.get("o", "") != ordering:
            raise ValueError(cursor)
        values = tuple(_typed(key, value) for key, value in zip(keys, raw, strict=True))
    except (signing.BadSignature, ValueError, TypeError, KeyError, ValidationError, FieldError):
        raise HttpError(
            400,
            _(
                "This cursor is not valid for this list and ordering: follow the next and previous links of a "
                "page of the same list, or start again without a cursor."
            ),
        ) from None
    return Position(values, bool(payload.get("b")), ordering)


def _typed(key: Key, value: Any) -> Any:
    if value is None or key.field is None:
        return value
    return key.field.to_python(value)
