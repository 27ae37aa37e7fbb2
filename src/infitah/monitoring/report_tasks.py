"""The semester monitoring report's PDF, produced by the task worker with its progress written as it goes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.files import File
from django.utils import timezone
from django_tasks import task

from infitah.accounts.types import Viewer
from infitah.core.documents import current_or_queue, produce
from infitah.core.pdf import render_pdf_parts
from infitah.monitoring import report
from infitah.monitoring.models import MonitoringReport
from infitah.programs.models import Program


@task()
def build_report_pdf(document_id: int) -> int | None:
    """Render the PDF of one MonitoringReport (core.documents.produce records its progress or its failure)."""

    @contextmanager
    def render(document: MonitoringReport, set_progress: Callable[[int], None]) -> Iterator[tuple[str, File]]:
        content = report.build(document.program, document.year, document.semester)
        set_progress(30)
        # One part: a semester's report grows with the program's commitments and updates, not with its public.
        with render_pdf_parts(
            "monitoring/report_pdf.html",
            [{"report": content, "program": document.program, "generated_at": timezone.now()}],
            document.language,
            progress=lambda done: set_progress(98),
        ) as pdf:
            yield f"monitoring-{document.program_id}-{document.year}-s{document.semester}-{document.language}.pdf", pdf

    return produce(MonitoringReport.objects.select_related("program__collectivity"), document_id, render)


def request_pdf(program: Program, year: int, semester: int, language: str, user: Viewer = None) -> MonitoringReport:
    """The document for the semester's current data in `language`: a finished or pending one that still matches,
    else a new one queued for the worker."""
    return current_or_queue(
        MonitoringReport,
        {"program": program, "year": year, "semester": semester, "language": language},
        report.fingerprint(program, year, semester),
        user,
        build_report_pdf.enqueue,
    )
