"""Search documents: what each app makes findable, registered through its capability.

An app contributes `SearchDocuments`: where its public rows come from and how to read a row's title, text, address
and collectivity. The platform's search (the knowledge issue) reads `documents()`, so an app becomes searchable by
declaring, never by editing the search. `rows()` must return only what an anonymous visitor may see: a search
result must not name what its page would refuse.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from infitah.core.capabilities import accepts
from infitah.core.held import Held


@dataclass(frozen=True)
class SearchDocuments:
    kind: str  # "<app label>.<model>", e.g. "programs.commitment"
    label: Any  # what a result of this kind is called, plural (a lazy translation)
    rows: Callable[[], QuerySet]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str]
    collectivity: Callable[[Any], int | None]
    # The openness principles a row serves (`core.principles.Principle` values) and the date it is known by (a
    # commitment's principles, an event's start...): search filters on them and shows the date.
    principles: Callable[[Any], list[str]] | None = None
    date: Callable[[Any], datetime.date | datetime.datetime | None] | None = None
    # Rows of this kind whose visibility another row decides: (that model, the keys of this kind's rows it decides),
    # e.g. a program's phase makes its commitments public. A change of that row rewrites those documents too.
    follows: tuple[tuple[type, Callable[[Any], Iterable[Any]]], ...] = ()

    @property
    def model(self):
        """The model whose saves and deletions change this kind's documents; a row's key is its `pk`."""
        return self.rows().model

    def document(self, row) -> Document:
        """The row read in the active language."""
        return Document(
            kind=self.kind,
            title=self.title(row),
            text=self.text(row),
            url=self.url(row),
            collectivity_id=self.collectivity(row),
            object_id=row.pk,
            principles=tuple(self.principles(row) or ()) if self.principles else (),
            date=_as_date(self.date(row)) if self.date else None,
        )


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    text: str
    url: str
    collectivity_id: int | None
    object_id: Any = None
    principles: tuple[str, ...] = ()
    date: datetime.date | None = None


def _as_date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        from django.utils import timezone

        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


_sources: dict[str, SearchDocuments] = {}


def register_search_documents(source: SearchDocuments) -> None:
    _sources[source.kind] = source


accepts(SearchDocuments, register_search_documents)


def sources() -> list[SearchDocuments]:
    return sorted(_sources.values(), key=lambda source: source.kind)


def source(kind: str) -> SearchDocuments | None:
    return _sources.get(kind)


# Content written in bulk (the demo, an import) holds the per-object index updates; whoever runs the search then
# rebuilds its index once, at the end, if a searchable row changed (`bulk_changes`). Core names no search app: the
# app registers its rebuild and notes the changes it held.
_rebuilders: list[Callable[[], None]] = []


def _rebuild_all() -> None:
    for rebuild in _rebuilders:
        rebuild()


_hold = Held(on_release=_rebuild_all)


def on_bulk_changes(rebuild: Callable[[], None]) -> None:
    if rebuild not in _rebuilders:
        _rebuilders.append(rebuild)


def updates_held() -> bool:
    return _hold.active


def note_held_change() -> None:
    _hold.note()


def bulk_changes() -> AbstractContextManager[None]:
    """Write many searchable rows: their one-by-one index updates are skipped, the index is rebuilt once after."""
    return _hold()


def documents(kinds: Iterable[str] | None = None) -> Iterator[Document]:
    """Every searchable document, in the active language, read in chunks (never the whole table in memory)."""
    wanted = None if kinds is None else set(kinds)
    for source in sources():
        if wanted is not None and source.kind not in wanted:
            continue
        for row in source.rows().iterator(chunk_size=500):
            yield source.document(row)
