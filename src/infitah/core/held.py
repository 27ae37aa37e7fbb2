"""Work held during a bulk write and done once at its end: the search index's rebuild, the page stamps' move.

    rebuild_later = Held(on_release=rebuild_index)
    with rebuild_later():          # blocks nest: only the outermost one's end releases
        ...                        # code that would update the index row by row asks `rebuild_later.active`
        rebuild_later.note()       # ...and, instead, says that something changed
    # the outermost block ended after a change: rebuild_index() ran once

A hold is process-wide, not per thread: it is taken by commands that load data (the demo, imports), never by a
request. A block ended by an error releases nothing: its transaction is being rolled back, and a release there could
fail and hide the error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Held:
    def __init__(self, on_release: Callable[[], None]) -> None:
        self._on_release = on_release
        self._depth = 0
        self._changed = False

    @property
    def active(self) -> bool:
        return self._depth > 0

    def note(self) -> None:
        """Something changed while held: the outermost block's end runs `on_release` once."""
        self._changed = True

    @contextmanager
    def __call__(self) -> Iterator[None]:
        if not self._depth:
            self._changed = False
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if not self._depth and self._changed:
            self._changed = False
            self._on_release()
