"""Version stamps of the public pages: what a cached page depends on, and what moves when data changes.

A stamp is a random token kept in the SHARED default cache (the database cache without Redis, Redis with it), so
every web process agrees on it. A cached page records the stamps of the scopes it depends on, as they were before
its view read any data; a later hit re-reads them (one `get_many`) and is served only if none has moved. A write
moves the stamps of the scopes it touches, so the next anonymous request renders afresh.

Scopes:
- "site": everything. Moved by a change whose collectivity is unknown or that belongs to the whole network (a
  charter section, a person's name, a comment), and by writes that bypass signals (`pages_changed()`). Every page
  depends on it.
- "network": moved by every change scoped to a collectivity. The pages that list the whole network (home,
  network, every list) depend on it; so does a page that declares nothing (the safe default).
- "collectivity:<id>": moved by a change to that collectivity's rows. A page about one member's thing declares
  it (`page_depends_on`) and then depends on "site" and on it, not on "network".

What moves what is decided per model, not per request: the models whose rows never appear on a public page are
declared (`QuietModels`, `QuietFields` for a save that touches only such fields, like `User.last_login` at
every login, and `QuietCreations` for new rows no public page shows yet, like a new account); everything else moves
stamps.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import models, transaction

from infitah.core.capabilities import accepts
from infitah.core.held import Held
from infitah.core.scopes import collectivity_id_of

SITE = "site"
NETWORK = "network"
# What a page that says nothing depends on: any change anywhere moves one of these two.
DEFAULT_SCOPES = frozenset({SITE, NETWORK})


@dataclass(frozen=True)
class QuietModels:
    """A capability's contribution: models ("app_label.model") whose rows never appear on a public page."""

    models: tuple[str, ...]


@dataclass(frozen=True)
class QuietFields:
    """A capability's contribution: a save of `model` that touches only these fields changes no public page."""

    model: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class QuietCreations:
    """A capability's contribution: models ("app_label.model") whose NEW rows appear on no public page (a new
    account: its name shows only beside what it writes, and that write moves stamps of its own). A change to an
    existing row still moves stamps."""

    models: tuple[str, ...]


_quiet_models: set[str] = set()
_quiet_fields: dict[str, frozenset[str]] = {}
_quiet_creations: set[str] = set()

accepts(QuietModels, lambda entry: _quiet_models.update(label.lower() for label in entry.models))
accepts(QuietCreations, lambda entry: _quiet_creations.update(label.lower() for label in entry.models))
accepts(
    QuietFields,
    lambda entry: _quiet_fields.__setitem__(
        entry.model.lower(), _quiet_fields.get(entry.model.lower(), frozenset()) | frozenset(entry.fields)
    ),
)


def enabled() -> bool:
    return bool(getattr(settings, "INFITAH_PAGE_CACHE_SECONDS", 0))


def collectivity_scope(collectivity_id: int) -> str:
    return f"collectivity:{collectivity_id}"


def _key(scope: str) -> str:
    return f"pagestamp:{scope}"


def _token() -> str:
    return secrets.token_hex(8)


def current_stamps(scopes: Iterable[str]) -> dict[str, str]:
    """The stamps of `scopes` now, giving a stamp to a scope that has none yet (or lost it to the cache's culling)."""
    _forget_moves()
    stamps_cache = caches["default"]
    keys = {_key(scope): scope for scope in scopes}
    found = stamps_cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        found[key] = stamps_cache.get_or_set(key, _token(), timeout=None)
    return {keys[key]: value for key, value in found.items()}


def stamps_unchanged(recorded: dict[str, str]) -> bool:
    """Whether every stamp a cached page recorded is still the current one (one read of the shared cache)."""
    _forget_moves()
    keys = {_key(scope): value for scope, value in recorded.items()}
    return caches["default"].get_many(list(keys)) == keys


def _move(scopes: Iterable[str]) -> None:
    caches["default"].set_many({_key(scope): _token() for scope in scopes}, timeout=None)


def pages_changed(*collectivity_ids: int | None) -> None:
    """Say that public data changed outside model signals (a queryset `.update()`, `bulk_create`, raw SQL).

    With collectivity ids, the pages of those members and the network's lists go stale; without (or with None),
    every page does.
    """
    if not enabled() or _migrating[0]:
        return
    if _hold.active:
        _hold.note()
        return
    if not collectivity_ids or None in collectivity_ids:
        scopes = {SITE}
    else:
        scopes = {NETWORK, *(collectivity_scope(cid) for cid in collectivity_ids if cid is not None)}
    move(scopes)


# Bulk writes hold the moves; their end moves "site" once (`pages_changed_in_bulk`).
_hold = Held(on_release=lambda: pages_changed())


def moved_by_a_write(scopes: set[str]) -> None:
    """A write that signals do not follow (see core.signedincache.note_write): move these stamps, or, inside a
    `pages_changed_in_bulk` block, let its end move "site"; during migrations, post_migrate moves it."""
    if not enabled() or _migrating[0]:
        return
    if _hold.active:
        _hold.note()
        return
    move(scopes)


def move_after_this_statement(connection: Any, scopes: set[str]) -> None:
    """Move these stamps once the statement now running on `connection` is done: at the connection's next
    statement (its execute wrapper calls `flush_deferred_moves`), when its transaction commits, before any stamp is
    read, or at the request's end, whichever comes first."""
    pending = getattr(connection, "_infitah_deferred_stamps", None)
    connection._infitah_deferred_stamps = scopes | pending if pending else set(scopes)
    if connection.in_atomic_block:
        at_commit = getattr(connection, "_infitah_flush_at_commit", None)
        if at_commit is None:
            at_commit = connection._infitah_flush_at_commit = partial(flush_deferred_moves, connection)
        if not any(entry[1] is at_commit for entry in connection.run_on_commit):
            transaction.on_commit(at_commit, using=connection.alias, robust=True)


def flush_deferred_moves(connection: Any) -> None:
    pending = getattr(connection, "_infitah_deferred_stamps", None)
    if pending:
        connection._infitah_deferred_stamps = None
        moved_by_a_write(pending)


def move(scopes: set[str]) -> None:
    """Move these stamps now (once per transaction) and, when the stamps live outside the database, again on commit."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        scopes = _not_yet_moved_in_this_transaction(connection, scopes)
        if not scopes:
            return
    _move(scopes)
    if connection.in_atomic_block and not isinstance(caches["default"], DatabaseCache):
        # The database cache writes the stamps in the same transaction as the data: they commit or roll back
        # with it. Redis is not transactional: a page rendered between the move above and the commit read the
        # old data under the new stamp; moving again once the data is visible to all makes that page stale.
        transaction.on_commit(lambda: _move(scopes), robust=True)


class _Moved:
    """The scopes moved in one transaction, each with the savepoints open when it was moved."""

    def __init__(self) -> None:
        self.scopes: dict[str, tuple[str, ...]] = {}

    def __call__(self) -> None:  # registered with on_commit: its presence says the transaction is still the same
        pass


def _forget_moves() -> None:
    """A page reads the stamps: the moves a write left for later are made first. And it read them in this
    transaction (a test's requests, a view rendering after a write): the next change must move them again even if
    this transaction moved them already."""
    connection = transaction.get_connection()
    flush_deferred_moves(connection)
    if getattr(connection, "_infitah_moved_stamps", None) is not None:
        connection._infitah_moved_stamps = None


def _not_yet_moved_in_this_transaction(connection, scopes: set[str]) -> set[str]:
    """The scopes not moved yet in this transaction (a delete of 1,000 rows moves its stamps once).

    A move made inside a savepoint that has since been released or rolled back does not count: its write may
    have been undone.
    """
    moved = getattr(connection, "_infitah_moved_stamps", None)
    if moved is None or not any(entry[1] is moved for entry in connection.run_on_commit):
        moved = _Moved()
        transaction.on_commit(moved)
        connection._infitah_moved_stamps = moved
    open_savepoints = tuple(connection.savepoint_ids)
    fresh = {
        scope
        for scope in scopes
        if scope not in moved.scopes or moved.scopes[scope] != open_savepoints[: len(moved.scopes[scope])]
    }
    for scope in fresh:
        moved.scopes[scope] = open_savepoints
    return fresh


def pages_changed_in_bulk() -> AbstractContextManager[None]:
    """Write many rows (demo data, imports, loaddata): the per-row stamp moves are skipped, "site" moves once."""
    return _hold()


def scopes_touched_by(instance: models.Model) -> tuple[int | None, ...] | None:
    """The collectivity ids whose pages a change to `instance` touches: () for none, (None,) for every page."""
    label = instance._meta.label_lower
    if label in _quiet_models:
        return ()
    try:
        return (collectivity_id_of(instance),)
    except Exception:  # noqa: BLE001 - a scope that cannot be read (a parent already deleted): assume the worst
        return (None,)


def _on_save(sender, instance, update_fields=None, created=False, **kwargs) -> None:
    if not enabled() or (created and sender._meta.label_lower in _quiet_creations):
        return
    quiet = _quiet_fields.get(sender._meta.label_lower)
    if update_fields and quiet and set(update_fields) <= quiet:
        return
    touched = scopes_touched_by(instance)
    if touched:
        pages_changed(*touched)


def _on_delete(sender, instance, **kwargs) -> None:
    if enabled() and (touched := scopes_touched_by(instance)):
        pages_changed(*touched)


def _on_m2m(sender, instance, action, **kwargs) -> None:
    if enabled() and action in {"post_add", "post_remove", "post_clear"} and (touched := scopes_touched_by(instance)):
        pages_changed(*touched)


_migrating = [False]


def migrating() -> bool:
    """Whether a migrate is running in this process (between pre_migrate and post_migrate): its writes move no
    stamp, as the cache table may not exist yet."""
    return _migrating[0]


def _on_pre_migrate(**kwargs) -> None:
    # The rows a migration writes move no stamp one by one (the cache table itself may not exist yet).
    _migrating[0] = True


def _on_migrate(**kwargs) -> None:
    # Migrations may rewrite rows without the models' signals: every page is stale afterwards. A partial migrate
    # of a fresh database may not have the cache table yet: then no stamp exists either, and nothing is stale.
    from django.db import DatabaseError

    _migrating[0] = False
    with suppress(DatabaseError):
        pages_changed()


def connect_receivers() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_migrate

    post_save.connect(_on_save, dispatch_uid="infitah.core.pagestamps.save")
    post_delete.connect(_on_delete, dispatch_uid="infitah.core.pagestamps.delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="infitah.core.pagestamps.m2m")
    pre_migrate.connect(_on_pre_migrate, dispatch_uid="infitah.core.pagestamps.pre_migrate")
    post_migrate.connect(_on_migrate, dispatch_uid="infitah.core.pagestamps.migrate")
    from django.core.signals import request_finished
    from django.db import connections
    from django.db.backends.signals import connection_created

    from infitah.core.signedincache import flush_deferred_writes, watch_writes

    connection_created.connect(watch_writes, dispatch_uid="infitah.core.signedincache.watch_writes")
    request_finished.connect(flush_deferred_writes, dispatch_uid="infitah.core.signedincache.flush_deferred_writes")
    for connection in connections.all(initialized_only=True):
        watch_writes(sender=None, connection=connection)
