"""The semester monitoring report: what changed in the semester and where each commitment stood at its end, with
the contested and answered updates; as a page, a CSV (formulas neutralised) and a PDF in Arabic and French made
in the background with its progress, reused while the data do not change."""

import csv
import datetime
import io
import subprocess

import pytest

from infitah.monitoring import report
from infitah.monitoring.models import Completion, MonitoringReport, ReportStatus, ReviewState
from infitah.monitoring.report_tasks import build_report_pdf, request_pdf
from tests.clients import page
from tests.monitoring.tracker_factories import UpdateFactory, adopted_program, keys
from tests.people import english_messages  # noqa: F401 - automatic for every test here

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = adopted_program(axes=((2, 0),))
    (first, _), (second, _) = keys(program)
    # Before the semester, during it (one contested, one answered), and after it.
    UpdateFactory(program=program, commitment_key=first, as_of=datetime.date(2024, 6, 20), percent=20)
    UpdateFactory(
        program=program,
        commitment_key=first,
        as_of=datetime.date(2024, 9, 1),
        percent=60,
        completion=Completion.SUBSTANTIAL,
        review_state=ReviewState.CONTESTED,
    )
    UpdateFactory(
        program=program,
        commitment_key=second,
        as_of=datetime.date(2024, 10, 1),
        percent=40,
        review_state=ReviewState.RESOLVED,
    )
    UpdateFactory(program=program, commitment_key=second, as_of=datetime.date(2025, 2, 1), percent=90)
    return program


def test_the_report_tells_the_change_in_the_semester_and_the_state_at_its_end(program):
    content = report.build(program, 2024, 2)
    (first, second) = content.commitments
    assert (first.start_percent, first.status.percent, first.change) == (20, 60, 40)
    assert (second.start_percent, second.status.percent) == (0, 40)  # the 2025 update is after the semester
    assert content.start_percent == 10 and content.end_percent == 50
    assert [e.update.percent for e in content.contested] == [60]
    assert [e.update.percent for e in content.resolved] == [40]
    assert len(content.updates) == 2


def test_semesters_are_offered_from_the_first_commitment_to_today():
    program = adopted_program(axes=((1, 0),))
    semesters = report.semesters_of(report.build_tracker(program), today=datetime.date(2025, 3, 1))
    assert semesters == [(2025, 1), (2024, 2), (2024, 1)]
    assert report.is_known_semester(2024, 2, today=datetime.date(2025, 3, 1))
    assert not report.is_known_semester(2025, 2, today=datetime.date(2025, 3, 1))  # not begun
    assert not report.is_known_semester(2024, 3, today=datetime.date(2025, 3, 1))


def test_the_report_page_and_its_list(client, program):
    html = page(client, f"/en/monitoring/programs/{program.pk}/reports/")
    assert f'href="/en/monitoring/programs/{program.pk}/reports/2024-2/"' in html
    html = page(client, f"/en/monitoring/programs/{program.pk}/reports/2024-2/")
    assert "Monitoring report, semester 2 of 2024" in html
    assert "Contested by a co-monitor" in html and "Contest answered" in html
    assert f'href="/en/monitoring/programs/{program.pk}/reports/2024-2.csv"' in html


def test_the_csv_has_a_line_per_commitment_with_formulas_neutralised(client, program):
    (first, _), _second = keys(program)
    response = client.get(f"/fr/monitoring/programs/{program.pk}/reports/2024-2.csv")
    content = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == 3
    line = next(row for row in rows if row[1] == first)
    assert line[3:6] == ["20", "60", "40"]


def test_a_title_typed_as_a_formula_is_written_as_text(client):
    program = adopted_program(axes=((1, 0),))
    snapshot = program.reference_version.snapshot
    snapshot["axes"][0]["commitments"][0]["title"] = {"fr": '=HYPERLINK("http://evil.example")'}
    from django.db.models import QuerySet

    from infitah.programs.models import ProgramVersion

    # A published version refuses changes through its manager; the test writes the row underneath it.
    QuerySet.update(ProgramVersion.objects.filter(pk=program.reference_version_id), snapshot=snapshot)
    content = b"".join(client.get(f"/fr/monitoring/programs/{program.pk}/reports/2024-1.csv").streaming_content).decode(
        "utf-8"
    )
    assert "'=HYPERLINK" in content


def extract(pdf_bytes, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes)
    # poppler-utils' pdftotext, on a file this test wrote.
    return subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("language", "words"), [("ar", "المحور"), ("fr", "Axe 1")])
def test_the_pdf_is_readable_in_arabic_and_in_french(program, language, words, tmp_path):
    document = MonitoringReport.objects.create(
        program=program, year=2024, semester=2, language=language, fingerprint="x"
    )
    build_report_pdf.call(document.pk)
    document.refresh_from_db()
    assert document.status == ReportStatus.DONE and document.progress == 100
    text = extract(document.file.read(), tmp_path)
    assert words in text


def test_a_pdf_is_reused_while_nothing_changes_and_asked_again_after_an_update(
    program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = request_pdf(program, 2024, 2, "fr")
    first.refresh_from_db()
    assert first.status == ReportStatus.DONE
    assert request_pdf(program, 2024, 2, "fr") == first
    (commitment, _), _ = keys(program)
    UpdateFactory(program=program, commitment_key=commitment, as_of=datetime.date(2024, 12, 1), percent=70)
    with django_capture_on_commit_callbacks(execute=False):
        second = request_pdf(program, 2024, 2, "fr")
    assert second != first and second.status == ReportStatus.QUEUED


def test_the_pdf_page_shows_progress_then_the_download(client, program, django_capture_on_commit_callbacks):
    url = f"/en/monitoring/programs/{program.pk}/reports/2024-2/pdf/ar/"
    assert "Produce the report" in page(client, url)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url)
    assert response.status_code == 302
    html = page(client, url)
    assert "<progress" in html and 'http-equiv="refresh"' in html
    document = MonitoringReport.objects.get(program=program)
    build_report_pdf.call(document.pk)
    html = page(client, url)
    download = f"/en/monitoring/programs/{program.pk}/reports/pdf/{document.pk}/"
    assert f'href="{download}"' in html
    response = client.get(download)
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
