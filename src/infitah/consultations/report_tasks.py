"""The consultation report's PDF, produced by the task worker with its progress written as it goes."""

from django.utils import timezone
from django_tasks import task

from infitah.consultations import report
from infitah.consultations.models import ReportDocument
from infitah.core.documents import current_or_queue, produce
from infitah.core.pdf import render_pdf_parts

LINES_PER_PART = 500


def report_parts(consultation, content):
    """The PDF's parts: the title and counts with the first lines, then the other lines LINES_PER_PART at a time."""
    lines = content["lines"]
    chunks = [lines[start : start + LINES_PER_PART] for start in range(0, len(lines), LINES_PER_PART)] or [[]]
    common = {"consultation": consultation, "generated_at": timezone.now(), "counts": content["counts"]}
    return [
        {**common, "tables": content["tables"], "lines": chunk, "first_part": number == 0}
        for number, chunk in enumerate(chunks)
    ]


@task()
def build_report_pdf(document_id):
    """Render the PDF of one ReportDocument (core.documents.produce records its progress or its failure)."""

    def render(document, set_progress):
        content = report.build(document.consultation, progress=lambda percent: set_progress(2 + percent * 18 // 100))
        pdf = render_pdf_parts(
            "consultations/report_pdf.html",
            report_parts(document.consultation, content),
            document.language,
            progress=lambda done, total: set_progress(20 + 78 * done // total),
        )
        return f"consultation-{document.consultation_id}-report-{document.language}.pdf", pdf

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
