"""The querysets participation pages need, built in one place with a fixed number of queries.

A thread is read a page at a time (participation.threads); lists of objects get their counts (supports, comments)
and the viewer's own support and follow as annotations, not one query a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import BooleanField, IntegerField, Value
from django.db.models.expressions import RawSQL

from infitah.participation.models import CommentTally, Follow, ModerationLogEntry, Notification, Support

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.territories.models import Collectivity


# The annotations below are correlated subqueries written out as SQL: built with Subquery/Exists, Django spent about
# 1 ms compiling each query that carries them (measured on a shared page's first read: 2.4 ms to load two
# contributions, 0.08 ms of it running the SQL), on every page that shows a Support or Follow button. The SQL is the
# same: rows of `inner` about the outer row, by content type and object id, optionally one person's.


def _about_each_row(
    queryset: QuerySet[Any], inner: Any, content_type: ContentType, select: str, **equal: Any
) -> tuple[str, list[Any]]:
    """`SELECT {select} FROM inner WHERE` its rows are about the queryset's row (and each field of `equal` holds its
    value), with its parameters. Names come from the models and are quoted; values are parameters."""
    quote = connections[queryset.db].ops.quote_name

    def column(field: str) -> str:
        return f"about.{quote(inner._meta.get_field(field).column)}"

    outer = f"{quote(queryset.model._meta.db_table)}.{quote(queryset.model._meta.pk.column)}"
    conditions = [f"{column('content_type')} = %s", f"{column('object_id')} = {outer}"]
    params: list[Any] = [content_type.pk]
    for field, value in equal.items():
        conditions.append(f"{column(field)} = %s")
        params.append(value)
    selected = select if select == "COUNT(*)" else column(select)
    where = " AND ".join(conditions)
    return f"SELECT {selected} FROM {quote(inner._meta.db_table)} about WHERE {where}", params  # noqa: S608


def _count_of(queryset: QuerySet[Any], model: Any, content_type: ContentType) -> RawSQL:
    sql, params = _about_each_row(queryset, model, content_type, "COUNT(*)")
    return RawSQL(sql, params, output_field=IntegerField())  # noqa: S611 -- see _about_each_row


def _held_by(queryset: QuerySet[Any], model: Any, content_type: ContentType, user: Any) -> RawSQL:
    sql, params = _about_each_row(queryset, model, content_type, "object_id", user=user.pk)
    return RawSQL(f"EXISTS ({sql})", params, output_field=BooleanField())  # noqa: S611 -- see _about_each_row


def _visible_comments(queryset: QuerySet[Any], content_type: ContentType) -> RawSQL:
    # The kept count (participation.threads), not a count of each row's thread.
    sql, params = _about_each_row(queryset, CommentTally, content_type, "visible")
    return RawSQL(f"COALESCE(({sql}), 0)", params, output_field=IntegerField())  # noqa: S611 -- see _about_each_row


def with_participation(queryset: QuerySet[Any], user: Viewer = None) -> QuerySet[Any]:
    """Annotate each row with `support_count`, `comment_count` (visible comments) and, for a signed-in
    `user`, `supported_by_me` and `followed_by_me`; the template tags read these instead of querying."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    queryset = queryset.annotate(
        support_count=_count_of(queryset, Support, content_type),
        comment_count=_visible_comments(queryset, content_type),
    )
    if user is not None and user.is_authenticated:
        queryset = queryset.annotate(
            supported_by_me=_held_by(queryset, Support, content_type, user),
            followed_by_me=_held_by(queryset, Follow, content_type, user),
        )
    else:
        queryset = queryset.annotate(supported_by_me=Value(False), followed_by_me=Value(False))
    return queryset


def held_by_reader(model: Any, pks: Iterable[Any], user: Viewer) -> tuple[set[Any], set[Any]]:
    """(pks `user` supports, pks they follow) among `pks` of `model`: one query, written out as SQL for the reason
    above (a shared page's parts ask it at each first read: core.partobjects)."""
    pks = list(pks)
    if not pks or user is None or not user.is_authenticated:
        return set(), set()
    content_type = ContentType.objects.get_for_model(model)
    connection = connections[Support.objects.db]
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * len(pks))

    def held(inner: Any, mark: int) -> str:
        def column(field: str) -> str:
            return quote(inner._meta.get_field(field).column)

        table, object_id = quote(inner._meta.db_table), column("object_id")
        where = f"{column('content_type')} = %s AND {column('user')} = %s AND {object_id} IN ({placeholders})"
        return f"SELECT {object_id}, {mark} FROM {table} WHERE {where}"  # noqa: S608 -- names quoted, values params

    params = [content_type.pk, user.pk, *pks]
    supported: set[Any] = set()
    followed: set[Any] = set()
    with connection.cursor() as cursor:
        cursor.execute(f"{held(Support, 0)} UNION ALL {held(Follow, 1)}", params + params)
        for object_id, mark in cursor.fetchall():
            (followed if mark else supported).add(object_id)
    return supported, followed


def with_support_counts(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Each row's `support_count`: what every reader's Support button shows (its reader's own state is
    `held_by_reader`'s)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    return queryset.annotate(support_count=_count_of(queryset, Support, content_type))


def moderation_log(collectivity: Collectivity | None = None) -> QuerySet[ModerationLogEntry]:
    """The public moderation log of a collectivity (or of the network's own items when None)."""
    entries = ModerationLogEntry.objects.select_related("content_type", "collectivity")
    if collectivity is None:
        return entries.filter(collectivity__isnull=True)
    return entries.filter(collectivity=collectivity)


def load_places(entries: Iterable[ModerationLogEntry]) -> list[ModerationLogEntry]:
    """Load what each log entry is about and the page it sits on, a few queries per kind of object."""
    from django.db.models import prefetch_related_objects

    from infitah.participation.moderation import BUILT_IN

    entries = list(entries)
    prefetch_related_objects(entries, "target")
    inner = [entry.target for entry in entries if isinstance(entry.target, BUILT_IN)]
    by_model: dict[type, list[Any]] = {}
    for obj in inner:
        by_model.setdefault(type(obj), []).append(obj)
    for objects in by_model.values():
        prefetch_related_objects(objects, "target")
    return entries


def inbox(user: User) -> QuerySet[Notification]:
    """A person's notifications, newest first, with what they are about (one query per kind of object)."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor", "content_type")
        .prefetch_related("target")
        .order_by("-created_at", "-pk")
    )
