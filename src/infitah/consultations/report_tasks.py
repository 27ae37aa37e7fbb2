"""The consultation report's PDF, produced by the task worker with its progress written as it goes."""

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from infitah.consultations import report
from infitah.consultations.models import ReportDocument, ReportStatus
from infitah.core.pdf import render_pdf_parts

logger = logging.getLogger(__name__)


LINES_PER_PART = 500
# A job still queued or running after this long lost its worker (a restart, a crash): it is asked again.
STALE_AFTER = datetime.timedelta(minutes=30)


def report_parts(consultation, content):
    """The PDF's parts: the title and counts with the first lines, then the other lines LINES_PER_PART at a time."""
    lines = content["lines"]
    chunks = [lines[start : start + LINES_PER_PART] for start in range(0, len(lines), LINES_PER_PART)] or [[]]
    common = {"consultation": consultation, "generated_at": timezone.now(), "counts": content["counts"]}
    return [
        {**common, "tables": content["tables"], "lines": chunk, "first_part": number == 0}
        for number, chunk in enumerate(chunks)
    ]


def _set(document_id, **fields):
    ReportDocument.objects.filter(pk=document_id).update(**fields)


@task()
def build_report_pdf(document_id):
    """Render the PDF of one ReportDocument; a failure is recorded on it (the page offers to try again)."""
    document = ReportDocument.objects.select_related("consultation__version", "consultation__collectivity").get(
        pk=document_id
    )
    if document.status == ReportStatus.DONE:
        return document.pk
    _set(document.pk, status=ReportStatus.RUNNING, progress=2, error="")
    try:
        with translation.override(document.language):
            content = report.build(
                document.consultation, progress=lambda percent: _set(document.pk, progress=2 + percent * 18 // 100)
            )
            pdf = render_pdf_parts(
                "consultations/report_pdf.html",
                report_parts(document.consultation, content),
                document.language,
                progress=lambda done, total: _set(document.pk, progress=20 + 78 * done // total),
            )
        name = f"consultation-{document.consultation_id}-report-{document.language}.pdf"
        with transaction.atomic():
            document.file.save(name, ContentFile(pdf), save=False)
            _set(
                document.pk,
                file=document.file.name,
                status=ReportStatus.DONE,
                progress=100,
                finished_at=timezone.now(),
            )
    except Exception as error:  # noqa: BLE001 - any failure is shown on the document's page and logged
        logger.exception("consultation report %s failed", document.pk)
        _set(document.pk, status=ReportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        return None
    return document.pk


def request_pdf(consultation, language, user=None):
    """The document for the consultation's current state in `language`: a finished or pending one that still
    matches, else a new one queued for the worker."""
    current = report.fingerprint(consultation)
    stale = timezone.now() - STALE_AFTER
    existing = (
        ReportDocument.objects.filter(consultation=consultation, language=language, fingerprint=current)
        .exclude(status=ReportStatus.FAILED)
        .exclude(status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING], requested_at__lt=stale)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if existing is not None:
        return existing
    document = ReportDocument.objects.create(
        consultation=consultation,
        language=language,
        fingerprint=current,
        requested_by=user if user is not None and user.is_authenticated else None,
    )
    transaction.on_commit(lambda: build_report_pdf.enqueue(document.pk))
    return document
