"""Small reads written out as SQL: the few queries a signed-in person's every page asks of their own rows (their
unread notifications, their roles).

Django compiles a queryset anew each time it runs: for such a one-table read that costs ten to twenty times the query
itself (measured on SQLite: an unread count 0.22 ms through the ORM, 0.014 ms as SQL), and a shared page's first
read (core.sharedpages) is made of little else. The statements are built from the model's own table and column
names, quoted, each once per process; values are always parameters. `count` and `rows` only for columns whose values
the database gives back as Python values as they are (text, numbers, booleans, ids): no dates, no JSON. `instance`
gives a whole model instance (the signed-in person, their session), its values passed through the converters the ORM
itself would apply (aware dates, JSON), found once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connections, models

M = TypeVar("M", bound=models.Model)
_Converting = tuple[Any, tuple[Callable, ...]]  # a column, and the converters its values go through


def _column(model: type[models.Model], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column  # a concrete field, as every caller names
    return field.column


@cache
def _statement(model: type[models.Model], alias: str, select: str | tuple[str, ...], where: tuple[str, ...]) -> str:
    quote = connections[alias].ops.quote_name
    columns = "COUNT(*)" if select == "count" else ", ".join(quote(_column(model, name)) for name in select)
    conditions = " AND ".join(f"{quote(_column(model, name))} = %s" for name in where)
    table = quote(model._meta.db_table)
    return f"SELECT {columns} FROM {table} WHERE {conditions}"  # noqa: S608 -- names quoted, values parameters


def _run(model: type[models.Model], select: str | tuple[str, ...], where: Mapping[str, Any]) -> list[tuple]:
    alias = model._default_manager.db
    names = tuple(where)
    with connections[alias].cursor() as cursor:
        cursor.execute(_statement(model, alias, select, names), [where[name] for name in names])
        return cursor.fetchall()


def count(model: type[models.Model], **where: Any) -> int:
    """How many rows of `model` have these values (field names, `user` for a foreign key's id)."""
    return _run(model, "count", where)[0][0]


def rows(model: type[models.Model], columns: Sequence[str], **where: Any) -> list[tuple]:
    """The `columns` of `model`'s rows with these values, as tuples, in no particular order."""
    return _run(model, tuple(columns), where)


def instance(model: type[M], **where: Any) -> M | None:
    """The one instance of `model` with these values, every concrete field loaded and converted as the ORM does
    (`Model.from_db`), or None. For a unique key: with several rows, the first the database gives."""
    alias = model._default_manager.db
    names, converters = _loading(model, alias)
    found = _run(model, names, where)
    if not found:
        return None
    connection = connections[alias]
    values = [
        _converted(value, column, field_converters, connection)
        for value, (column, field_converters) in zip(found[0], converters, strict=True)
    ]
    return model.from_db(alias, names, values)


@cache
def _loading(model: type[models.Model], alias: str) -> tuple[tuple[str, ...], tuple[_Converting, ...]]:
    """The concrete fields' attribute names (`user_id`) and, for each, the converters the ORM's compiler applies to its
    database value."""
    connection = connections[alias]
    names, converters = [], []
    for field in model._meta.concrete_fields:
        column = field.get_col(model._meta.db_table)
        names.append(field.attname)
        converters.append(
            (column, tuple(connection.ops.get_db_converters(column)) + tuple(column.get_db_converters(connection)))
        )
    return tuple(names), tuple(converters)


def _converted(value: Any, column: Any, field_converters: tuple[Callable, ...], connection: Any) -> Any:
    for converter in field_converters:
        value = converter(value, column, connection)
    return value
