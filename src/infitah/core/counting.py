"""A list's total, or another figure a query yields, worked out once and kept in the shared cache until one of the
tables it reads changes.

Counting 100,000 rows costs more than reading a page of them, and a client walking a list asks the same total on
every page; the network page's counts per kind read every member at every rendering. So such a figure is kept with a
fingerprint of its tables: one random stamp per table, replaced after every committed write to that table. A figure
whose stamps all still match is still true; any INSERT, UPDATE or DELETE to one of its tables — through the ORM, bulk
operations and raw SQL alike, since the stamp is moved by a database execute wrapper and not by model signals —
makes the next read work it out again. A figure is also dropped after KEEP seconds, in case a write reached the
database by another way (another program, a restored backup). A migrate moves no table's stamp while it runs (the
cache table may not exist yet, and on PostgreSQL a failed read of it would abort the migration's transaction); its
end moves the stamp every figure carries (`after_migrate`).
"""

import hashlib
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.utils.functional import cached_property

from infitah.core.pagestamps import migrating

logger = logging.getLogger(__name__)

KEEP = 300
PREFIX = "counted"
# The stamp of no table in particular, in every total's fingerprint: moved when a migrate ends.
EVERY_TABLE = "*"
# The statements that change a table, and the table they name first.
TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.I)
WRITE = re.compile(r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?([\w.]+)"?', re.I)


def count(rows: QuerySet) -> int:
    """How many rows the list holds: from the cache when none of its tables has changed since it was counted."""
    return int(kept(rows.order_by(), QuerySet.count, "total", empty=0))


def kept(rows: QuerySet, work_out: Callable[[QuerySet], Any], name: str, *, empty: Any) -> Any:
    """`work_out(rows)`, from the cache when none of the tables `rows` reads has changed since it was worked out;
    `name` tells apart two figures of one query; `empty` is the figure of a query that can match nothing."""
    if _writing(rows.db):
        # A transaction that wrote sees its own rows, which others do not see yet (nor ever, if it rolls back).
        return work_out(rows)
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`id__in=[]`, `.none()`): no query to run
        return empty
    stamps = [_stamp_key(EVERY_TABLE), *(_stamp_key(table) for table in _tables_in(sql, rows.db))]
    figure_key = f"{PREFIX}:{name}:{hashlib.sha256(f'{rows.db}|{sql}|{params!r}'.encode()).hexdigest()}"
    found = cache.get_many([*stamps, figure_key])
    fingerprint = [found.get(key) for key in stamps]
    entry = found.get(figure_key)
    if isinstance(entry, dict) and entry.get("stamps") == fingerprint:
        return entry["figure"]
    figure = work_out(rows)
    cache.set(figure_key, {"stamps": fingerprint, "figure": figure}, KEEP)
    return figure


class CountedPaginator(Paginator):
    """A paginator whose total is kept (`count` above): a long list is not counted again at every page."""

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        return count(rows) if isinstance(rows, QuerySet) else len(rows)


def _writing(alias: str) -> bool:
    connection = connections[alias]
    return any(isinstance(wrapper, StampOnWrite) and wrapper.waiting() for wrapper in connection.execute_wrappers)


def _stamp_key(table: str) -> str:
    return f"{PREFIX}:stamp:{table}"


_model_tables: frozenset[str] | None = None


def _tables_in(sql: str, alias: str) -> list[str]:
    """The platform's tables a query reads, subqueries included: every table whose quoted name it holds."""
    global _model_tables
    if _model_tables is None:
        _model_tables = frozenset(
            model._meta.db_table for model in apps.get_models(include_auto_created=True) if model._meta.managed
        )
    quote = connections[alias].ops.quote_name
    return sorted(table for table in _model_tables if quote(table) in sql)


def tables_written(sql: str) -> str | None:
    """The table a statement writes, EVERY_TABLE for a TRUNCATE (it may name several), or None for a read."""
    match = WRITE.match(sql)
    if match:
        return match.group(1)
    return EVERY_TABLE if TRUNCATE.match(sql) else None


class StampOnWrite:
    """An execute wrapper (installed on every database connection by CoreConfig.ready) that moves the stamp of each
    table written once the write commits. Until then the writing transaction works its figures out afresh (`kept`),
    and a rolled back write moves nothing."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.pending: set[str] = set()  # written in the current transaction: stamped when it commits
        self.deferred: set[str] = set()  # written outside a transaction: stamped again at the next statement

    def __call__(self, execute: Any, sql: Any, params: Any, many: bool, context: dict[str, Any]) -> Any:
        if migrating():
            self.deferred.clear()
            return execute(sql, params, many, context)
        if self.deferred:
            self.flush_deferred()
        table = tables_written(sql) if isinstance(sql, str) else None
        if table is None or table.startswith(_ignored_prefix()):
            return execute(sql, params, many, context)
        if self.connection.in_atomic_block:
            result = execute(sql, params, many, context)
            self.written(table)
            return result
        # Outside a transaction the write commits as it runs. Stamping right after it would run SQL (a database
        # cache's) while the statement may still be open (INSERT … RETURNING on SQLite), so: a stamp before it, and
        # one more at the connection's next statement or the request's end, for a total counted in between.
        _stamp({table})
        result = execute(sql, params, many, context)
        self.deferred.add(table)
        return result

    def flush_deferred(self) -> None:
        tables, self.deferred = self.deferred, set()
        _stamp(tables)

    def waiting(self) -> bool:
        """Whether this connection's transaction wrote and has not committed yet."""
        return any(entry[1] == self.flush for entry in self.connection.run_on_commit)

    def written(self, table: str) -> None:
        if not self.waiting():
            self.pending.clear()  # what a rolled back transaction wrote is not waiting any more
            self.pending.add(table)
            # In autocommit mode (no transaction), Django runs it at once.
            transaction.on_commit(self.flush, using=self.connection.alias)
        else:
            self.pending.add(table)

    def flush(self) -> None:
        tables, self.pending = self.pending, set()
        _stamp(tables)


def _stamp(tables: set[str]) -> None:
    try:
        cache.set_many({_stamp_key(table): uuid.uuid4().hex for table in tables}, None)
    except Exception:  # noqa: BLE001 - a write must not fail for its stamp (e.g. before migrate made the cache)
        logger.debug("Kept figures: could not stamp %s", sorted(tables), exc_info=True)


def flush_deferred(**kwargs: Any) -> None:
    """request_finished's receiver: the stamps still deferred by this request's connections."""
    for connection in connections.all(initialized_only=True):
        for wrapper in connection.execute_wrappers:
            if isinstance(wrapper, StampOnWrite) and wrapper.deferred:
                wrapper.flush_deferred()


def _ignored_prefix() -> tuple[str, ...]:
    # The database cache's own table: writing a stamp must not stamp again.
    from django.conf import settings

    locations = [
        str(config.get("LOCATION", ""))
        for config in settings.CACHES.values()
        if str(config.get("BACKEND", "")).endswith("DatabaseCache")
    ]
    return tuple(location for location in locations if location) or ("\0",)


def after_migrate(**kwargs: Any) -> None:
    """post_migrate's receiver (once per migrate): the rows a migration wrote moved no stamp; no kept figure holds."""
    _stamp({EVERY_TABLE})


def install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created's receiver: stamp the tables this connection writes."""
    if not any(isinstance(wrapper, StampOnWrite) for wrapper in connection.execute_wrappers):
        connection.execute_wrappers.append(StampOnWrite(connection))
