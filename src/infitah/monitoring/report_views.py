"""The semester monitoring reports of a program: the list of semesters, a semester's page, its CSV, and its PDF
in Arabic or French made in the background (its page shows the progress, then the download)."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from infitah.core import csv as safe_csv
from infitah.core import documents
from infitah.core.translation import tr
from infitah.monitoring import report
from infitah.monitoring.models import MonitoringReport, ReportStatus
from infitah.monitoring.report_tasks import request_pdf
from infitah.monitoring.tracker import build_tracker
from infitah.monitoring.tracker_views import MAX_ID, tracked_program_or_404
from infitah.programs.models import Program

PDF_LANGUAGES = ("ar", "fr")


def _semester_or_404(year: int, semester: int) -> None:
    if not report.is_known_semester(year, semester):
        raise Http404(_("There is no monitoring report for this semester."))


def _adopted_or_404(request: HttpRequest, program_pk: int) -> Program:
    program = tracked_program_or_404(request, program_pk)
    if program.reference_version_id is None:
        raise Http404(_("The program has no adopted version: there is nothing to report yet."))
    return program


def report_list(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = tracked_program_or_404(request, program_pk)
    tracker = build_tracker(program)
    return render(
        request,
        "monitoring/report_list.html",
        {"program": program, "semesters": report.semesters_of(tracker), "adopted": tracker.is_adopted},
    )


def report_page(request: HttpRequest, program_pk: int, year: int, semester: int) -> HttpResponse:
    _semester_or_404(year, semester)
    program = _adopted_or_404(request, program_pk)
    documents = {
        document.language: document
        for document in MonitoringReport.objects.filter(
            program=program, year=year, semester=semester, status=ReportStatus.DONE
        )
        .order_by("requested_at", "pk")
        .only("pk", "language", "finished_at", "program_id")
    }
    return render(
        request,
        "monitoring/report.html",
        {
            "program": program,
            "report": report.build(program, year, semester),
            "languages": [(code, dict(settings.LANGUAGES)[code], documents.get(code)) for code in PDF_LANGUAGES],
        },
    )


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def report_csv(request: HttpRequest, program_pk: int, year: int, semester: int) -> StreamingHttpResponse:
    _semester_or_404(year, semester)
    program = _adopted_or_404(request, program_pk)
    content = report.build(program, year, semester)
    header = [
        _("Axis"),
        _("Commitment key"),
        _("Commitment"),
        _("Progress at the semester's start (%)"),
        _("Progress at the semester's end (%)"),
        _("Change (points)"),
        _("Completion"),
        _("Updates in the semester"),
        _("Contested updates awaiting an answer"),
        _("Milestones overdue at the semester's end"),
    ]

    def rows() -> Iterator[str]:
        writer = safe_csv.writer()
        # A byte-order mark first, so that spreadsheet software reads the Arabic as UTF-8.
        yield safe_csv.BOM + writer.writerow(header)
        for line in content.commitments:
            status = line.status
            yield writer.writerow(
                [
                    str(tr(status.axis_title)),
                    status.key,
                    str(tr(status.title)),
                    _percent(line.start_percent),
                    _percent(status.percent),
                    _percent(line.change),
                    status.completion_label,
                    line.updates_in_semester,
                    len(status.flagged),
                    sum(1 for milestone in status.milestones if milestone.overdue),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="monitoring-{program.pk}-{year}-s{semester}.csv"'
    return response


def report_pdf(request: HttpRequest, program_pk: int, year: int, semester: int, language: str) -> HttpResponse:
    """GET: the state of the latest PDF for the semester as the data stand now; POST: ask for it."""
    _semester_or_404(year, semester)
    program = _adopted_or_404(request, program_pk)
    if language not in PDF_LANGUAGES:
        raise Http404(_("The report is made in Arabic and in French."))
    if request.method == "POST":
        requested = request_pdf(program, year, semester, language, request.user)
        if requested.status == ReportStatus.DONE:
            messages.success(request, _("The report is ready."))
        return redirect("tracker:report_pdf", program_pk=program.pk, year=year, semester=semester, language=language)
    current = report.fingerprint(program, year, semester)
    document = (
        MonitoringReport.objects.filter(program=program, year=year, semester=semester, language=language)
        .order_by("-requested_at", "-pk")
        .first()
    )
    return render(
        request,
        "monitoring/report_document.html",
        {
            "program": program,
            "year": year,
            "semester": semester,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            **documents.page_context(document, current),
        },
    )


def report_pdf_download(request: HttpRequest, program_pk: int, document_pk: int) -> FileResponse:
    program = _adopted_or_404(request, program_pk)
    document = (
        None if document_pk > MAX_ID else MonitoringReport.objects.filter(pk=document_pk, program=program).first()
    )
    name = f"monitoring-{program.pk}-{document.year}-s{document.semester}-{document.language}.pdf" if document else ""
    return documents.download(document, name)
