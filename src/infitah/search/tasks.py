"""Background tasks (django-tasks): one document's entries rewritten after its row changed."""

from django_tasks import task

from infitah.search import indexing


@task()
def reindex_document(kind: str, object_id: int) -> int:
    return indexing.reindex(kind, object_id)


@task()
def rebuild_index() -> int:
    """The same as `infitah rebuild_search_index`, for schedulers that enqueue tasks rather than run commands."""
    return indexing.rebuild()


@task()
def reindex_documents(kind: str, object_ids: list[int]) -> int:
    """The documents of one kind another row's change touched (a program's commitments after its phase)."""
    return sum(indexing.reindex(kind, object_id) for object_id in object_ids)
