"""The index follows the content: a saved or deleted row of a searchable model enqueues its document's rewrite.

One receiver for every model, looking the sender up among the declared sources (apps declare in any order, so the
table is read when a signal comes, not when this app gets ready). The task re-reads the row through its source's
`rows()`: a row that stopped being public leaves the index.
"""

import functools

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from infitah.core.search import SearchDocuments, on_bulk_changes, sources, updates_held

_by_model: dict[type, list[str]] = {}
_known: list[SearchDocuments] = []


def kinds_of(model: type) -> list[str]:
    current = sources()
    if current != _known:
        _by_model.clear()
        for declared in current:
            _by_model.setdefault(declared.model, []).append(declared.kind)
        _known[:] = current
    return _by_model.get(model, [])


def row_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw or updates_held():
        return
    kinds = kinds_of(sender)
    if not kinds:
        return
    for kind in kinds:
        transaction.on_commit(functools.partial(_enqueue, kind, instance.pk))


def _enqueue(kind: str, object_id) -> None:
    from infitah.search.tasks import reindex_document

    reindex_document.enqueue(kind, object_id)


def _rebuild_now() -> None:
    from infitah.search.indexing import rebuild

    rebuild()


def connect() -> None:
    post_save.connect(row_changed, dispatch_uid="search-row-saved")
    post_delete.connect(row_changed, dispatch_uid="search-row-deleted")
    on_bulk_changes(_rebuild_now)
