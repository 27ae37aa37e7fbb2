"""Importing a budget file: a good CSV or XLSX fills the year's draft; a broken one imports nothing and lists every
bad row with its line number and the reason. The task backend is immediate in the tests, so an import finishes
before its status page is read."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from infitah.budgets import services
from infitah.budgets.models import Budget, BudgetImport, BudgetLine, BudgetStatus, ImportStatus
from infitah.core import csv as safe_csv
from infitah.core.datasets import table
from infitah.participation.models import AuditLogEntry
from tests.budgets.factories import budget, line

pytestmark = pytest.mark.django_db

HEADER = "section,direction,chapter,label_ar,label_fr,planned,executed\n"
GOOD = (
    HEADER
    + 'operating,revenue,10.1,ضريبة,Impôt,"1 500 000,50",\n'
    + "fonctionnement,dépenses,20.1,أجور,Salaires,900000.00,850000\n"
    + "investment,expenditure,30.1,طرق,Routes,٢٥٠٠٠٠٠,\n"
)


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Post a file as `person`; the import runs (the task backend is immediate) before the status page is read."""

    def post(person, commune, content, name="budget.csv", year=2026):
        client.force_login(person)
        data = content if isinstance(content, bytes) else content.encode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("budgets:import", args=[commune.code]),
                {"year": year, "file": SimpleUploadedFile(name, data), "source_note": "Budget voté"},
            )
        return client.get(response["Location"]) if response.status_code == 302 else response

    return post


def last_job():
    return BudgetImport.objects.latest("pk")


def test_a_good_csv_fills_the_draft_of_the_year(client, upload, people):
    response = upload(people.focal_point, people.commune_a, GOOD)
    assert "3 lines imported into the draft." in response.content.decode()
    draft = Budget.objects.get(collectivity=people.commune_a, year=2026)
    assert draft.status == BudgetStatus.DRAFT and draft.source_note == "Budget voté"
    assert AuditLogEntry.objects.get(action="budgets.import_budget").changes == {"file": "budget.csv", "lines": 3}
    amounts = dict(draft.lines.values_list("chapter_code", "planned"))
    assert amounts == {"10.1": Decimal("1500000.50"), "20.1": Decimal(900000), "30.1": Decimal(2500000)}
    assert draft.lines.get(chapter_code="20.1").section == "operating"


def test_semicolons_a_byte_order_mark_and_decimal_commas_are_read(client, upload, people):
    content = "\ufeff" + GOOD.replace(",", ";").replace('"1 500 000;50"', "1 500 000,50")
    upload(people.focal_point, people.commune_a, content)
    assert last_job().status == ImportStatus.DONE
    assert BudgetLine.objects.get(chapter_code="10.1").planned == Decimal("1500000.50")


def test_a_file_with_bad_rows_lists_every_one_and_imports_nothing(client, upload, people):
    draft = budget(people.commune_a, 2026, status=BudgetStatus.DRAFT, lines=2)
    content = (
        HEADER
        + "operating,revenue,10.1,ضريبة,Impôt,1000,\n"
        + "running,revenue,10.2,x,y,1000,\n"  # line 3: unknown section
        + "operating,revenue,,x,y,1000,\n"  # line 4: missing chapter
        + "operating,revenue,10.3,x,y,beaucoup,\n"  # line 5: not a number
        + "operating,revenue,10.4,x,y,-5,\n"  # line 6: negative
        + "operating,revenue,10.1,x,y,5,\n"  # line 7: duplicate of line 2
    )
    html = upload(people.focal_point, people.commune_a, content).content.decode()
    job = last_job()
    assert job.status == ImportStatus.REFUSED
    assert [line for line, _reason in job.errors] == [3, 4, 5, 6, 7]
    reasons = " ".join(reason for _line, reason in job.errors)
    assert "Unknown section “running”" in reasons and "The chapter is missing." in reasons
    assert "“beaucoup” is not a number." in reasons and "“-5” is negative" in reasons
    assert "The chapter 10.1 appears twice in this section and direction (also line 2)." in reasons
    assert "Nothing was imported: the file has 5 errors." in html
    assert draft.lines.count() == 2  # the draft as it was


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"section,direction,chapitre,planned\nx,y,z,1\n", "Missing columns: chapter."),
        ((HEADER.strip() + ",comment\n" + "operating,revenue,1,a,b,1,,x\n").encode(), "Unknown columns: comment."),
        (HEADER.replace(",", "\t").encode() + b"operating\trevenue\t1\ta\tb\t1\t\n", "separated by commas (,)"),
        (GOOD.encode("cp1256", errors="replace"), "not UTF-8 text"),  # Arabic in Windows' code page
        (b"", "The submitted file is empty."),
        (b"\n\n", "The file is empty"),
        (HEADER.encode(), "a header line but no budget line"),
    ],
    ids=["missing column", "extra column", "wrong delimiter", "bad encoding", "empty", "blank lines", "header only"],
)
def test_a_file_that_cannot_be_read_is_refused_with_the_reason(upload, people, content, expected):
    response = upload(people.focal_point, people.commune_a, content)
    html = response.content.decode()
    if BudgetImport.objects.exists():
        assert expected in " ".join(reason for _line, reason in last_job().errors)
    else:  # refused by the form before any import (an empty file)
        assert expected in html
    assert not BudgetLine.objects.exists()


def test_a_row_with_more_cells_than_columns_is_listed(client, upload, people):
    upload(people.focal_point, people.commune_a, HEADER + "operating,revenue,1,a,b,1,,surplus\n")
    assert last_job().errors == [[2, "The line has more cells than the header has columns."]]


def test_a_file_over_five_megabytes_is_refused_by_the_form(client, upload, people):
    big = (HEADER + "operating,revenue,1,a,b,1,\n" * 250_000).encode()
    assert len(big) > 6 * 1024 * 1024
    html = upload(people.focal_point, people.commune_a, big).content.decode()
    assert "The file is too large" in html and "the limit is 5 MB" in html
    assert not BudgetImport.objects.exists()


def test_a_program_renamed_csv_is_refused(client, upload, people):
    html = upload(people.focal_point, people.commune_a, b"MZ\x90\x00\x03\x00\x00\x00", "budget.csv").content.decode()
    assert "does not match its .csv extension" in html
    assert not BudgetImport.objects.exists()


def test_other_file_types_are_refused(client, upload, people):
    html = upload(people.focal_point, people.commune_a, b"%PDF-1.4", "budget.pdf").content.decode()
    assert "Choose a .csv or .xlsx file." in html
    assert not BudgetImport.objects.exists()


def test_a_formula_is_stored_as_text_and_neutralised_when_exported(client, upload, people):
    formula = '=HYPERLINK("http://evil.example","clic")'
    content = HEADER + f'operating,revenue,1,x,"{formula.replace(chr(34), chr(34) * 2)}",1000,\n'
    upload(people.focal_point, people.commune_a, content)
    draft = Budget.objects.get()
    assert draft.lines.get().label_fr == formula
    services.publish(people.focal_point, draft)
    rows = list(table("budgets"))
    assert rows[1][rows[0].index("label_fr")] == formula  # the dataset's value, as stored
    assert safe_csv.writer().writerow(rows[1]).count("'=HYPERLINK") == 1  # the platform's CSV writes it inert
    exported = client.get(reverse("budgets:year_csv", args=[people.commune_a.code, 2026])).content.decode()
    assert "'=HYPERLINK" in exported


def xlsx(rows, merges=()):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_an_xlsx_with_merged_section_cells_and_empty_rows_is_imported(client, upload, people):
    content = xlsx(
        [
            ["section", "direction", "chapter", "label_ar", "label_fr", "planned", "executed"],
            ["investment", "expenditure", "40.1", "طرق", "Routes", 310000000, 210000000.5],
            [None, None, "40.2", "ماء", "Eau", "190 000 000", None],  # section and direction merged from above
            [None] * 7,
            [None, ""],
            ["operating", "revenue", "10.1", "ضريبة", "Impôt", 420000000, None],
        ],
        merges=("A2:A3", "B2:B3"),
    )
    upload(people.focal_point, people.commune_a, content, "budget.xlsx")
    assert last_job().status == ImportStatus.DONE, last_job().errors
    lines = {line.chapter_code: line for line in BudgetLine.objects.all()}
    assert lines["40.2"].section == "investment" and lines["40.2"].direction == "expenditure"
    assert lines["40.1"].executed == Decimal("210000000.50") and lines["10.1"].planned == Decimal(420000000)


def test_xlsx_errors_name_the_spreadsheet_row(client, upload, people):
    content = xlsx(
        [
            ["section", "direction", "chapter", "label_ar", "label_fr", "planned", "executed"],
            [" "],  # a row that only looks empty
            ["operating", "revenue", "10.1", "x", "y", "=SUM(F1:F2)", None],
        ]
    )
    upload(people.focal_point, people.commune_a, content, "budget.xlsx")
    assert last_job().errors == [[3, "Column planned: “=SUM(F1:F2)” is not a number."]]


def test_reimporting_a_year_replaces_its_draft_but_not_the_published_budget(client, upload, people):
    published = budget(people.commune_a, 2026, lines=1)
    upload(people.focal_point, people.commune_a, GOOD)
    upload(people.focal_point, people.commune_a, HEADER + "operating,revenue,99,x,y,1,\n")
    draft = Budget.objects.get(collectivity=people.commune_a, year=2026, status=BudgetStatus.DRAFT)
    assert list(draft.lines.values_list("chapter_code", flat=True)) == ["99"]
    assert list(published.lines.values_list("chapter_code", flat=True)) == ["1.10"]


def test_staff_of_another_collectivity_cannot_import_or_read_its_imports(client, upload, people):
    response = upload(people.other_focal_point, people.commune_a, GOOD)
    assert response.status_code == 404
    assert not BudgetImport.objects.exists()
    upload(people.focal_point, people.commune_a, GOOD)
    client.force_login(people.other_focal_point)
    assert client.get(reverse("budgets:import_status", args=[last_job().pk])).status_code == 404
    assert client.get(reverse("budgets:manage", args=[people.commune_a.code])).status_code == 404
    assert client.get(reverse("budgets:review", args=[people.commune_a.code, 2026])).status_code == 404
    assert client.get(reverse("budgets:import_status", args=[2**70])).status_code == 404


def test_publishing_again_needs_a_note_that_is_shown(client, upload, people):
    budget(people.commune_a, 2026, lines=1)
    draft = budget(people.commune_a, 2026, status=BudgetStatus.DRAFT, lines=2)
    client.force_login(people.focal_point)
    url = reverse("budgets:review", args=[people.commune_a.code, 2026])
    html = client.post(url, {"note": ""}).content.decode()
    assert "already published: say why it is replaced" in html
    assert Budget.objects.filter(year=2026, status=BudgetStatus.PUBLISHED).get().lines.count() == 1
    client.post(url, {"note": "Correction du chapitre 2.10"})
    published = Budget.objects.get(year=2026)
    assert published.pk == draft.pk and published.status == BudgetStatus.PUBLISHED
    entry = AuditLogEntry.objects.get(action="budgets.publish_budget")
    assert entry.actor == people.focal_point and entry.collectivity_id == people.commune_a.pk
    page = client.get(reverse("budgets:year", args=[people.commune_a.code, 2026])).content.decode()
    assert "Correction du chapitre 2.10" in page


def test_a_draft_is_invisible_to_the_public(client, upload, people):
    draft = budget(people.commune_a, 2026, status=BudgetStatus.DRAFT, lines=1)
    line(draft, "SECRET-1")
    assert client.get(reverse("budgets:year", args=[people.commune_a.code, 2026])).status_code == 404
    assert "2026" not in client.get(reverse("budgets:member", args=[people.commune_a.code])).content.decode()
    assert list(table("budgets")) == [list(next(table("budgets")))]
    assert client.get("/api/v1/budgets").json()["items"] == []
    assert client.get(f"/api/v1/budgets/{people.commune_a.code}/2026/lines").status_code == 404
    assert client.get(reverse("budgets:year_csv", args=[people.commune_a.code, 2026])).status_code == 404


def test_while_the_worker_has_not_finished_the_page_shows_a_progress_bar_and_refreshes(client, people):
    client.force_login(people.focal_point)
    response = client.post(  # on_commit callbacks are not run: the job stays queued
        reverse("budgets:import", args=[people.commune_a.code]),
        {"year": 2026, "file": SimpleUploadedFile("budget.csv", GOOD.encode())},
        follow=True,
    )
    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert '<progress id="import-progress" max="100" value="0">' in html
    assert last_job().status == ImportStatus.QUEUED and not BudgetLine.objects.exists()


def test_an_unexpected_failure_is_shown_and_imports_nothing(upload, people, monkeypatch):
    def broken(rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr("infitah.budgets.checking.check", broken)
    html = upload(people.focal_point, people.commune_a, GOOD).content.decode()
    job = last_job()
    assert job.status == ImportStatus.FAILED and job.errors == [[None, "An unexpected error stopped the import."]]
    assert "The import failed: nothing was imported." in html and "disk full" not in html
    assert bytes(job.content) == b""  # the file is not kept
    assert not BudgetLine.objects.exists()


def test_a_file_with_too_many_lines_is_refused(upload, people, settings):
    content = HEADER + "".join(f"operating,revenue,{n},x,y,1,\n" for n in range(5001))
    upload(people.focal_point, people.commune_a, content)
    assert last_job().errors == [[None, "The file has more than 5000 lines: split it."]]


def test_a_formula_in_an_xlsx_label_is_kept_as_text(upload, people):
    content = xlsx(
        [
            ["section", "direction", "chapter", "label_ar", "label_fr", "planned", "executed"],
            ["operating", "revenue", "10.1", "x", '=HYPERLINK("http://evil.example")', 5, None],
        ]
    )
    upload(people.focal_point, people.commune_a, content, "budget.xlsx")
    assert BudgetLine.objects.get().label_fr == '=HYPERLINK("http://evil.example")'


def test_an_xlsx_that_is_not_a_workbook_is_refused(upload, people):
    html = upload(people.focal_point, people.commune_a, b"PK\x03\x04not really", "budget.xlsx").content.decode()
    assert "does not match its .xlsx extension" in html
    assert not BudgetImport.objects.exists()
