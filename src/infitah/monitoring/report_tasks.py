"""The semester monitoring report's PDF, produced by the task worker with its progress written as it goes."""

from __future__ import annotations

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from infitah.accounts.types import Viewer
from infitah.core.pdf import render_pdf_parts
from infitah.monitoring import report
from infitah.monitoring.models import MonitoringReport, ReportStatus
from infitah.programs.models import Program

logger = logging.getLogger(__name__)

# A job still queued or running after this long lost its worker (a restart, a crash): it is asked again.
STALE_AFTER = datetime.timedelta(minutes=30)


def _set(document_id: int, **fields: object) -> None:
    MonitoringReport.objects.filter(pk=document_id).update(**fields)


@task()
def build_report_pdf(document_id: int) -> int | None:
    """Render the PDF of one MonitoringReport; a failure is recorded on it (the page offers to try again)."""
    document = MonitoringReport.objects.select_related("program__collectivity").get(pk=document_id)
    if document.status == ReportStatus.DONE:
        return document.pk
    _set(document.pk, status=ReportStatus.RUNNING, progress=5, error="")
    try:
        with translation.override(document.language):
            content = report.build(document.program, document.year, document.semester)
            _set(document.pk, progress=30)
            pdf = render_pdf_parts(
                "monitoring/report_pdf.html",
                [{"report": content, "program": document.program, "generated_at": timezone.now()}],
                document.language,
                progress=lambda done, total: _set(document.pk, progress=30 + 68 * done // total),
            )
        name = f"monitoring-{document.program_id}-{document.year}-s{document.semester}-{document.language}.pdf"
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
        logger.exception("monitoring report %s failed", document.pk)
        _set(document.pk, status=ReportStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now())
        return None
    return document.pk


def request_pdf(program: Program, year: int, semester: int, language: str, user: Viewer = None) -> MonitoringReport:
    """The document for the semester's current data in `language`: a finished or pending one that still matches,
    else a new one queued for the worker."""
    current = report.fingerprint(program, year, semester)
    stale = timezone.now() - STALE_AFTER
    existing = (
        MonitoringReport.objects.filter(
            program=program, year=year, semester=semester, language=language, fingerprint=current
        )
        .exclude(status=ReportStatus.FAILED)
        .exclude(status__in=[ReportStatus.QUEUED, ReportStatus.RUNNING], requested_at__lt=stale)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if existing is not None:
        return existing
    document = MonitoringReport.objects.create(
        program=program,
        year=year,
        semester=semester,
        language=language,
        fingerprint=current,
        requested_by=user if user is not None and user.is_authenticated else None,
    )
    transaction.on_commit(lambda: build_report_pdf.enqueue(document.pk))
    return document
