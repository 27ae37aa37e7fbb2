"""Search documents: what each app makes findable, registered through its capability.

An app contributes `SearchDocuments`: where its public rows come from and how to read a row's title, text, address
and collectivity. The platform's search (the knowledge issue) reads `documents()`, so an app becomes searchable by
declaring, never by editing the search. `rows()` must return only what an anonymous visitor may see: a search
result must not name what its page would refuse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from infitah.core.capabilities import accepts


@dataclass(frozen=True)
class SearchDocuments:
    kind: str  # "<app label>.<model>", e.g. "programs.commitment"
    label: Any  # what a result of this kind is called, plural (a lazy translation)
    rows: Callable[[], QuerySet]
    title: Callable[[Any], str]
    text: Callable[[Any], str]
    url: Callable[[Any], str]
    collectivity: Callable[[Any], int | None]


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    text: str
    url: str
    collectivity_id: int | None


_sources: dict[str, SearchDocuments] = {}


def register_search_documents(source: SearchDocuments) -> None:
    _sources[source.kind] = source


accepts(SearchDocuments, register_search_documents)


def sources() -> list[SearchDocuments]:
    return sorted(_sources.values(), key=lambda source: source.kind)


def documents(kinds: Iterable[str] | None = None) -> Iterator[Document]:
    """Every searchable document, in the active language, read in chunks (never the whole table in memory)."""
    wanted = None if kinds is None else set(kinds)
    for source in sources():
        if wanted is not None and source.kind not in wanted:
            continue
        for row in source.rows().iterator(chunk_size=500):
            yield Document(source.kind, source.title(row), source.text(row), source.url(row), source.collectivity(row))
