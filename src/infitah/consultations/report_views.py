"""The consultation report: a page, a CSV streamed row by row, and a PDF in Arabic or French made in the
background (its page shows the progress, then the download)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.consultations import report, selectors
from infitah.consultations.models import ReportDocument, ReportStatus
from infitah.consultations.report_tasks import request_pdf
from infitah.consultations.views import CONTRIBUTIONS_PER_PAGE, decorate, visible_consultation_or_404
from infitah.core import csv as safe_csv
from infitah.core import documents
from infitah.core.permissions import can

PDF_LANGUAGES = ("ar", "fr")


def _report_consultation(request, pk):
    consultation = visible_consultation_or_404(request, pk)
    if not can(request.user, "consultations.view_report", consultation):
        raise Http404(_("The report is published when the consultation closes."))
    return consultation


def report_page(request, pk):
    consultation = _report_consultation(request, pk)
    index = selectors.version_index(consultation)
    labels = report.Labels(index)
    now = timezone.now()
    counts = report.cached_counts(consultation, index, now)
    page = Paginator(selectors.contributions_of(consultation), CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    decorate(page.object_list, consultation, index, now)
    documents = {
        document.language: document
        for document in ReportDocument.objects.filter(consultation=consultation, status=ReportStatus.DONE)
        .order_by("requested_at", "pk")
        .only("pk", "language", "finished_at", "consultation_id")
    }
    return render(
        request,
        "consultations/report.html",
        {
            "consultation": consultation,
            "counts": counts,
            "tables": report.tables(counts, labels),
            "page": page,
            "languages": [(code, dict(settings.LANGUAGES)[code], documents.get(code)) for code in PDF_LANGUAGES],
            "is_closed": consultation.closes_at <= now,
        },
    )


def report_csv(request, pk):
    consultation = _report_consultation(request, pk)
    labels = report.Labels(selectors.version_index(consultation))
    options = {"closes_at": consultation.closes_at, "response_days": consultation.response_days, "now": timezone.now()}
    header = [
        _("Number"),
        _("Submitted at"),
        _("Kind"),
        _("About"),
        _("Contributor"),
        _("Author"),
        _("Text"),
        _("Answer"),
        _("Reasons"),
        _("Answered at"),
        _("Answer time"),
    ]

    def moment(value):
        return value.strftime("%Y-%m-%d %H:%M") if value else ""

    def rows():
        writer = safe_csv.writer()
        # A byte-order mark first, so that spreadsheet software reads the Arabic as UTF-8.
        yield safe_csv.BOM + writer.writerow(header)
        for row in report.report_rows(consultation):
            line = report.line(row, labels, **options)
            yield writer.writerow(
                [
                    line["number"],
                    moment(line["date"]),
                    line["kind"],
                    line["place"],
                    line["contributor"],
                    line["author"],
                    line["text"],
                    line["outcome"],
                    line["reason"],
                    moment(line["answered_at"]),
                    line["state"],
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="consultation-{consultation.pk}-report.csv"'
    return response


def report_pdf(request, pk, language):
    """GET: the state of the latest PDF for the consultation as it is now; POST: ask for it."""
    consultation = _report_consultation(request, pk)
    if language not in PDF_LANGUAGES:
        raise Http404(_("The report is made in Arabic and in French."))
    if request.method == "POST":
        document = request_pdf(consultation, language, request.user)
        if document.status == ReportStatus.DONE:
            messages.success(request, _("The report is ready."))
        return redirect("consultations:report_pdf", pk=consultation.pk, language=language)
    current = report.fingerprint(consultation)
    document = (
        ReportDocument.objects.filter(consultation=consultation, language=language)
        .order_by("-requested_at", "-pk")
        .first()
    )
    return render(
        request,
        "consultations/report_document.html",
        {
            "consultation": consultation,
            "language": language,
            "language_name": dict(settings.LANGUAGES)[language],
            **documents.page_context(document, current),
        },
    )


def report_pdf_download(request, pk, document_pk):
    consultation = _report_consultation(request, pk)
    document = ReportDocument.objects.filter(pk=document_pk, consultation=consultation).first()
    name = f"consultation-{consultation.pk}-report-{document.language if document else ''}.pdf"
    return documents.download(document, name)
