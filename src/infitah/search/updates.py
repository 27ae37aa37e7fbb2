"""The index follows the content: a saved or deleted row of a searchable model enqueues its document's rewrite.

One receiver for every model, looking the sender up among the declared sources (apps declare in any order, so the
table is read when a signal comes, not when this app gets ready). The task re-reads the row through its source's
`rows()`: a row that stopped being public leaves the index. A source's `follows` adds the rows whose visibility
another row decides (a program's phase and its commitments).
"""

import functools
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from infitah.core.search import SearchDocuments, on_bulk_changes, sources, updates_held

# model -> [(kind, the keys of that kind's rows to rewrite when an instance of the model changes)]
_by_model: dict[type, list[tuple[str, Callable[[Any], Iterable[Any]]]]] = {}
_known: list[SearchDocuments] = []


def _itself(instance) -> list[Any]:
    return [instance.pk]


def watched(model: type) -> list[tuple[str, Callable[[Any], Iterable[Any]]]]:
    current = sources()
    if current != _known:
        _by_model.clear()
        for declared in current:
            _by_model.setdefault(declared.model, []).append((declared.kind, _itself))
            for other, keys in declared.follows:
                _by_model.setdefault(other, []).append((declared.kind, keys))
        _known[:] = current
    return _by_model.get(model, [])


def row_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw or updates_held():
        return
    for kind, keys in watched(sender):
        pks = list(keys(instance)) if keys is _itself or kwargs.get("signal") is post_save else []
        if pks:
            transaction.on_commit(functools.partial(_enqueue, kind, pks))


def _enqueue(kind: str, object_ids: list) -> None:
    from infitah.search.tasks import reindex_document, reindex_documents

    if len(object_ids) == 1:
        reindex_document.enqueue(kind, object_ids[0])
    else:
        reindex_documents.enqueue(kind, object_ids)


def _rebuild_now() -> None:
    from infitah.search.indexing import rebuild

    rebuild()


def connect() -> None:
    post_save.connect(row_changed, dispatch_uid="search-row-saved")
    post_delete.connect(row_changed, dispatch_uid="search-row-deleted")
    on_bulk_changes(_rebuild_now)
