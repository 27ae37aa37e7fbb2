"""A long consultation report is laid out a few contributions at a time and joined into one PDF that reads as one
document: pages numbered "X / Y" across the parts, the bookmarks of its headings, its language, Arabic text intact;
and the worker never holds more than one part's contributions."""

import re
import subprocess

import pikepdf
import pytest
from django.utils import translation
from django.utils.translation import gettext

from infitah.consultations import report
from infitah.consultations.models import ReportDocument, ReportStatus
from infitah.consultations.report_tasks import build_report_pdf
from infitah.core import pdf as core_pdf
from tests.consultations.factories import ContributionFactory
from tests.consultations.test_report import closed  # noqa: F401 - the fixture: a closed consultation, answered

pytestmark = pytest.mark.django_db

PER_PART = 2
EXTRA = 7  # with the fixture's 3 contributions: 10 lines, 5 parts of 2


def pdftotext(path, *pages):
    # poppler-utils' pdftotext (installed by .ci/run), on a file this test wrote.
    command = ["/usr/bin/pdftotext", "-layout", *pages, str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.fixture
def produced(closed, settings, tmp_path):  # noqa: F811 - the imported fixture
    settings.REPORT_PDF_LINES_PER_PART = PER_PART
    for n in range(EXTRA):
        ContributionFactory(consultation=closed, body=f"مساهمة طويلة رقم {n} " + "حول الميزانية المفتوحة " * 25)

    def make(language):
        document = ReportDocument.objects.create(consultation=closed, language=language, fingerprint="x")
        build_report_pdf.call(document.pk)
        document.refresh_from_db()
        assert document.status == ReportStatus.DONE, document.error
        path = tmp_path / f"report-{language}.pdf"
        path.write_bytes(document.file.read())
        return path

    return make


def test_pages_are_numbered_across_the_parts(produced):
    path = produced("fr")
    with pikepdf.open(path) as pdf:
        total = len(pdf.pages)
    assert total >= 5, "one part or more per two contributions"
    for number in range(1, total + 1):
        page = pdftotext(path, "-f", str(number), "-l", str(number))
        assert re.search(rf"(?<!\d){number}\s*/\s*{total}(?!\d)", page), (number, page[-200:])


def test_the_joined_report_keeps_its_language_title_and_heading_bookmarks(produced):
    path = produced("fr")
    with translation.override("fr"):
        name = gettext("Consultation report")
        headings = {name, gettext("Counts"), gettext("Every contribution and its answer")}
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "fr"
        assert str(pdf.docinfo["/Title"]).startswith(name)
        with pdf.open_outline() as outline:
            items = list(walk(outline.root))
            titles = {item.title for item in items}
            pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
            targets = {item.title: pages.get(item.destination[0].objgen) for item in items}
    assert headings <= titles
    assert targets[name] == 0, "the report's title points to the first page of the joined document"
    assert all(page is not None for page in targets.values()), "every bookmark points to a page of the document"


def walk(items):
    for item in items:
        yield item
        yield from walk(item.children)


def test_arabic_text_and_every_contribution_are_extracted_from_the_joined_arabic_report(produced):
    text = pdftotext(produced("ar"))
    assert text.count("حول الميزانية المفتوحة") >= EXTRA * 25
    assert "نقترح نشر البيانات كل شهر" in text, "a contribution of the first part"
    # (Words without the lam-alef ligature, which pdftotext splits.)
    assert "منصة رقمية" in text and "سلمى بناني" in text
    # The last contribution is in the last part: every part made it into the document.
    assert "مساهمة طويلة رقم" in text and "نص مسيء" not in text


def test_the_worker_lays_out_at_most_one_part_of_contributions_at_a_time(produced, monkeypatch):
    read = []
    original_rows = report.report_rows

    def counted_rows(consultation):
        for row in original_rows(consultation):
            read.append(row["pk"])
            yield row

    passes = []
    original_document = core_pdf._document

    def recording_document(template_name, context):
        if template_name == "consultations/report_pdf.html":
            passes.append((len(context["lines"]), len(read)))
        return original_document(template_name, context)

    monkeypatch.setattr(report, "report_rows", counted_rows)
    monkeypatch.setattr(core_pdf, "_document", recording_document)
    produced("ar")
    contributions = 3 + EXTRA
    assert [lines for lines, _read in passes] == [PER_PART] * 5
    for number, (_lines, read_so_far) in enumerate(passes, start=1):
        # The counts read every row once (keeping none); the lines are then read as their part is laid out.
        assert read_so_far == contributions + number * PER_PART
