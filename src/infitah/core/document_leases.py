"""Leases on documents being produced, so that a report whose worker died (`kill -9`, a lost machine) is finished by
another worker instead of staying "being produced" forever.

A worker producing a document writes `heartbeat_at` when it starts and then every `beat_interval()` seconds from a
small thread (rendering a long PDF may go minutes between two progress steps). A document still marked running whose
heartbeat is older than the lease (`INFITAH_DOCUMENT_LEASE_SECONDS`) lost its worker: the reaper, which every worker
runs in its loop (`infitah worker`), puts it back in the queue, once, whatever the number of workers reaping at once.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections, connection, models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import TASK_MAX_PRIORITY

if TYPE_CHECKING:
    from infitah.core.documents import BackgroundDocument

logger = logging.getLogger(__name__)


def lease() -> datetime.timedelta:
    """How long a running document may go without a heartbeat before it counts as abandoned."""
    return datetime.timedelta(seconds=settings.INFITAH_DOCUMENT_LEASE_SECONDS)


def beat_interval() -> float:
    """Four heartbeats per lease: one late write (a busy database) never loses a live worker its document."""
    return settings.INFITAH_DOCUMENT_LEASE_SECONDS / 4


def is_abandoned(status: str, heartbeat_at: datetime.datetime | None, now: datetime.datetime) -> bool:
    """A running document whose last heartbeat is older than the lease (or that never had one)."""
    from infitah.core.documents import DocumentStatus

    if status != DocumentStatus.RUNNING:
        return False
    return heartbeat_at is None or heartbeat_at < now - lease()


@contextmanager
def heartbeat(model: type[models.Model], document_id: int) -> Iterator[None]:
    """Write the document's heartbeat every `beat_interval()` seconds while the block runs.

    Inside a transaction (tasks run immediately, in the tests or with the immediate backend) nobody else sees the
    row before it commits, so there is nothing to keep alive, and a second connection would wait on its lock."""
    if connection.in_atomic_block:
        yield
        return
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(beat_interval()):
                model._default_manager.filter(pk=document_id).update(heartbeat_at=timezone.now())
        except Exception:  # noqa: BLE001 - a missed heartbeat must not break the report; the lease allows for it
            logger.exception("heartbeat of %s %s failed", model._meta.label, document_id)
        finally:
            connection.close()  # the thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{model._meta.label}-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def document_models() -> list[type[BackgroundDocument]]:
    """Every concrete document model that names the task producing it (`producer_task`)."""
    from infitah.core.documents import BackgroundDocument

    return [model for model in apps.get_models() if issubclass(model, BackgroundDocument) and model.producer_task]


def reap_abandoned(now: datetime.datetime | None = None) -> list[tuple[str, int]]:
    """Queue again every document whose worker died while producing it; returns (model label, id) of each.

    The row is taken back with a compare-and-set on the heartbeat seen, so that two reapers running at once queue a
    document once, and a worker that comes back to life late finds it no longer its own."""
    from infitah.core.documents import DocumentStatus

    now = now or timezone.now()
    requeued: list[tuple[str, int]] = []
    for model in document_models():
        manager: Any = model._default_manager
        stale = manager.filter(status=DocumentStatus.RUNNING).filter(
            models.Q(heartbeat_at__lt=now - lease()) | models.Q(heartbeat_at__isnull=True)
        )
        for document_id, seen in stale.values_list("pk", "heartbeat_at"):
            # One transaction: a failed enqueue leaves the document as it was, for the next round to try again.
            with transaction.atomic():
                taken = manager.filter(pk=document_id, status=DocumentStatus.RUNNING, heartbeat_at=seen).update(
                    status=DocumentStatus.QUEUED, heartbeat_at=None, progress=0
                )
                if taken:
                    requeue(import_string(model.producer_task), document_id)
            if taken:
                logger.warning("%s %s lost its worker; queued again", model._meta.label, document_id)
                requeued.append((model._meta.label, document_id))
    return requeued


def requeue(task: Any, document_id: int) -> None:
    """Queue the document's task again, ahead of the tasks queued since where the backend has priorities (the
    database's has, RQ's has not): someone has been waiting for it since before its worker died."""
    if task.get_backend().supports_priority:
        task = task.using(priority=TASK_MAX_PRIORITY)
    task.enqueue(document_id)


class Reaper:
    """A thread that reaps abandoned documents every `beat_interval()` seconds, inside a worker process."""

    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.run, name="document-reaper", daemon=True)

    def start(self) -> Reaper:
        self.thread.start()
        return self

    def run(self) -> None:
        while not self.stopped.wait(beat_interval()):
            try:
                close_old_connections()
                reap_abandoned()
            except Exception:  # noqa: BLE001 - the database may be away for a moment; try again next round
                logger.exception("reaping abandoned documents failed")
        connection.close()

    def stop(self) -> None:
        self.stopped.set()
