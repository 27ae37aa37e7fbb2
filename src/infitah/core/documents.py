"""Documents produced in the background (the consultation report, the semester monitoring report): their states and
shared fields, the job that renders one with its progress written as it goes, the request that reuses a document
still matching the data, and the download that serves one.

An app's document model derives from `BackgroundDocument`, adding what it documents and its file field (each app
keeps its files in its own folder); its task calls `produce`, its page calls `current_or_queue`.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.core.files import File
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.http import FileResponse, Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from infitah.core import document_leases

if TYPE_CHECKING:
    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

# A job still queued or running after this long lost its worker (a restart, a crash): it is asked again.
STALE_AFTER = datetime.timedelta(minutes=30)


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being produced")
    DONE = "done", _("Ready")
    FAILED = "failed", pgettext_lazy("report status", "Failed")


WORKING = (DocumentStatus.QUEUED, DocumentStatus.RUNNING)


class BackgroundDocument(models.Model):
    """A document in one language, produced by the task worker, with its visible progress."""

    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    # The state of the data the file reflects, to know when it is stale.
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    error = models.TextField(blank=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Written by the worker producing it, so that another worker takes over when it dies (core/document_leases.py).
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The dotted path of the task that produces a document of this model from its id (the reaper queues it again).
    producer_task = ""

    class Meta:
        abstract = True

    @property
    def is_working(self) -> bool:
        return self.status in WORKING


Document = TypeVar("Document", bound=BackgroundDocument)
# (document, set_progress) -> a context manager giving (file name, the PDF as an open File), which it may delete on
# leaving (a temporary file: core.pdf.render_pdf_parts); set_progress takes a percentage of the whole job.
Render = Callable[[Any, Callable[[int], None]], AbstractContextManager[tuple[str, File]]]


def _write(model: type[models.Model], document_id: int, **fields: Any) -> None:
    """Write straight to the row (no save()): the page polling it reads each step at once."""
    model._default_manager.filter(pk=document_id).update(**fields)


def _claim(model: type[models.Model], document: BackgroundDocument) -> bool:
    """Mark the document running by this worker, unless another live worker (a fresh heartbeat) already is."""
    now = timezone.now()
    free = ~models.Q(status=DocumentStatus.RUNNING) | models.Q(heartbeat_at__isnull=True)
    free |= models.Q(heartbeat_at__lt=now - document_leases.lease())
    return bool(
        model._default_manager.filter(free, pk=document.pk).update(
            status=DocumentStatus.RUNNING, progress=1, error="", heartbeat_at=now
        )
    )


def produce(queryset: QuerySet[Any], document_id: int, render: Render) -> int | None:
    """Render one document (`queryset` selects what the renderer needs), writing its progress as it goes; a failure
    is recorded on it and logged (its page offers to try again). Returns its id, or None when it failed."""
    document = queryset.get(pk=document_id)
    if document.status == DocumentStatus.DONE:
        return document.pk
    model = queryset.model
    if not _claim(model, document):
        return document.pk  # another live worker is producing it (a job queued twice after a reap)

    def set_progress(percent: int) -> None:
        _write(model, document.pk, progress=max(1, min(99, percent)))

    try:
        # The file is copied to storage in chunks, inside the block that still holds it.
        with (
            translation.override(document.language),
            document_leases.heartbeat(model, document.pk),
            render(document, set_progress) as (name, pdf),
            transaction.atomic(),
        ):
            document.file.save(name, pdf, save=False)
            _write(
                model,
                document.pk,
                file=document.file.name,
                status=DocumentStatus.DONE,
                progress=100,
                finished_at=timezone.now(),
            )
    except Exception as error:  # noqa: BLE001 - any failure is shown on the document's page and logged
        logger.exception("%s %s failed", queryset.model._meta.verbose_name, document.pk)
        _write(model, document.pk, status=DocumentStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        return None
    return document.pk


def current_or_queue(
    model: type[Document],
    of: dict[str, Any],
    fingerprint: str,
    requested_by: Any,
    enqueue: Callable[[int], object],
) -> Document:
    """The document of `of` (e.g. {"consultation": c, "language": "ar"}) for the data's current `fingerprint`: a
    finished or pending one that still matches, else a new one queued for the worker once the transaction commits."""
    stale = timezone.now() - STALE_AFTER
    existing = (
        model._default_manager.filter(**of, fingerprint=fingerprint)
        .exclude(status=DocumentStatus.FAILED)
        .exclude(status__in=WORKING, requested_at__lt=stale)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if existing is not None:
        return existing
    signed_in = requested_by is not None and requested_by.is_authenticated
    document = model._default_manager.create(
        **of, fingerprint=fingerprint, requested_by=requested_by if signed_in else None
    )
    transaction.on_commit(lambda: enqueue(document.pk))
    return document


def page_context(document: BackgroundDocument | None, fingerprint: str) -> dict[str, Any]:
    """What a document's page shows of it (core/_document_panel.html): whether it is being produced, and whether it
    still reflects the data (`fingerprint`: their current state)."""
    return {
        "document": document,
        "is_current": document is not None and document.fingerprint == fingerprint,
        "working": document is not None and document.is_working,
    }


def download(document: BackgroundDocument | None, filename: str) -> FileResponse:
    """A finished document's PDF, served as a download."""
    file = getattr(document, "file", None)
    if document is None or document.status != DocumentStatus.DONE or not file:
        raise Http404(_("This report has no file."))
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response
