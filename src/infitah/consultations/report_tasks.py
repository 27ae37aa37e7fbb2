"""The consultation report's PDF, produced by the task worker with its progress written as it goes.

The contributions are read and laid out a part at a time (settings.REPORT_PDF_LINES_PER_PART lines per WeasyPrint
pass), so the worker's memory stays that of one part whatever the number of contributions.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from infitah.consultations import report
from infitah.consultations.models import ReportDocument
from infitah.core.documents import current_or_queue, produce
from infitah.core.pdf import render_pdf_parts


def lines_per_part() -> int:
    return max(1, int(settings.REPORT_PDF_LINES_PER_PART))


def report_parts(consultation, summary: report.Summary) -> Iterator[dict[str, Any]]:
    """The PDF's parts, each read from the database when it is laid out: the title and counts with the first lines,
    then the other lines, lines_per_part() at a time."""
    common = {"consultation": consultation, "generated_at": timezone.now(), "counts": summary.counts}
    lines = report.lines(consultation, summary)
    size = lines_per_part()
    yield {**common, "tables": summary.tables, "lines": list(islice(lines, size)), "first_part": True}
    while chunk := list(islice(lines, size)):
        yield {**common, "lines": chunk, "first_part": False}


def parts_count(summary: report.Summary) -> int:
    return max(1, math.ceil(summary.counts.total / lines_per_part()))


@task()
def build_report_pdf(document_id):
    """Render the PDF of one ReportDocument (core.documents.produce records its progress or its failure)."""

    @contextmanager
    def render(document, set_progress):
        summary = report.summarize(document.consultation)
        set_progress(5)
        total = parts_count(summary)
        name = f"consultation-{document.consultation_id}-report-{document.language}.pdf"
        with render_pdf_parts(
            "consultations/report_pdf.html",
            report_parts(document.consultation, summary),
            document.language,
            progress=lambda done: set_progress(5 + 92 * done // total),
        ) as pdf:
            yield name, pdf

    documents = ReportDocument.objects.select_related("consultation__version", "consultation__collectivity")
    return produce(documents, document_id, render)


def request_pdf(consultation, language, user=None):
    """The document for the consultation's current state in `language`: a finished or pending one that still
    matches, else a new one queued for the worker."""
    return current_or_queue(
        ReportDocument,
        {"consultation": consultation, "language": language},
        report.fingerprint(consultation),
        user,
        build_report_pdf.enqueue,
    )
