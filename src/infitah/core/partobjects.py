"""The objects a shared page's personal parts read (core.sharedpages), loaded once per copy in each process.

Completing a shared copy for a reader loads the objects its parts are about (the contributions behind the Support
buttons, an event and its seat counts). Most of what is loaded is the same for every reader of one copy: the rows
and their counts are what the page shows, so a change to them moves the stamps the copy is named by (core.pagestamps).
Loading them again for each reader cost most of a first read (measured: 2 of a consultation page's 4.7 ms, nearly all
of it Django compiling the queries). So a part's `Loader` says what is the same for everyone (`everyone`, loaded
once per copy and kept in this process while that copy is current) and what is the reader's own (`reader`: their
support, their follow, whether they may contribute), added to copies of the kept objects, never to the kept ones: two
readers completed at once in two threads share nothing they write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

# Kept copies' objects per process: a copy is named by its address, language and stamps, so an entry of a moved copy
# is never read again and leaves when newer ones push it out.
KEPT_LOADS = 512


@dataclass(frozen=True)
class Loader:
    """How a part loads the objects it is about, `pks` of one model, for one reader.

    `everyone(model, pks)`: {pk: object} as every reader of one copy sees them, and nothing that depends on who reads
    (no user is given); it may read only what moves the copy's stamps when it changes (the rows a public page
    shows, not a quiet model's). `reader(objects, user)`, when given, sets the reader's own state on each object
    (they are the reader's copies)."""

    everyone: Callable[[Any, Iterable[Any]], dict[Any, Any]]
    reader: Callable[[dict[Any, Any], Any], None] | None = None


class KeptPerProcess:
    """A bounded map kept in this process, the least recently read entry leaving first: what is kept per copy (its
    name holds its stamps, so an entry of a moved copy is never read again). In-process: reading it costs no round
    trip to a shared cache, and what it holds is cheap to make again in another process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._entries: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_kept = KeptPerProcess(KEPT_LOADS)
_kept_everywhere: list[KeptPerProcess] = [_kept]


def kept_per_process(limit: int) -> KeptPerProcess:
    """A new bounded map, emptied with the kept loads by `forget()`."""
    kept = KeptPerProcess(limit)
    _kept_everywhere.append(kept)
    return kept


def objects_for(loader: Loader, model: Any, pks: Iterable[Any], user: Any, copy: str | None) -> dict[Any, Any]:
    """{pk: object} for `user`: the objects of `copy` (kept, or loaded and kept), each the reader's own copy with
    their state set. Without a copy (a page completed from no kept copy) everything is loaded for this reader."""
    wanted = frozenset(pks)
    if copy is None:
        objects = loader.everyone(model, wanted)
    else:
        key = (copy, loader, model._meta.label_lower, wanted)
        kept = _kept.get(key)
        if kept is None:
            kept = loader.everyone(model, wanted)
            _kept.put(key, kept)
        objects = {pk: own_copy(obj) for pk, obj in kept.items()}
    if loader.reader is not None:
        loader.reader(objects, user)
    return objects


def own_copy(obj: Any) -> Any:
    """A copy of a model instance whose attributes and cache of related objects (select_related) are its own: what a
    reader's parts set on it stays on it. The related objects themselves are shared, to be read only."""
    duplicate = obj.__class__.__new__(obj.__class__)
    duplicate.__dict__ = obj.__dict__.copy()
    state = obj._state
    duplicate._state = state.__class__()
    duplicate._state.__dict__ = state.__dict__.copy()
    duplicate._state.fields_cache = dict(state.__dict__.get("fields_cache", {}))  # reading it would set it on obj
    return duplicate


def forget() -> None:
    """Drop every kept load and every map made by `kept_per_process` (tests)."""
    for kept in _kept_everywhere:
        kept.clear()
