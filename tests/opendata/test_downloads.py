"""Every dataset downloads in CSV, JSON and XLSX, with the rows the database holds (same count, same checksum of
the canonical cells), formula-looking text neutralised where a spreadsheet opens it, as an attachment with a dated
name and the right type. A later app's dataset is tested here by being declared."""

import datetime
import json

import pytest
from django.urls import reverse

from infitah.core.datasets import datasets
from infitah.opendata.formats import FORMATS
from tests.opendata.readback import body, checksum, csv_rows, database_rows, json_rows, xlsx_rows

pytestmark = pytest.mark.django_db

KEYS = [chosen.key for chosen in datasets()]


def download(client, key, fmt):
    return client.get(reverse("opendata:download", args=[key, fmt]))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("key", KEYS)
def test_every_dataset_downloads_in_every_format(client, published, key, fmt):
    response = download(client, key, fmt)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FORMATS[fmt].media_type.split(";")[0])
    assert response["X-Content-Type-Options"] == "nosniff"
    today = datetime.date.today().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="{key}-{today}.{fmt}"'
    header = [column.name for column in next(chosen for chosen in datasets() if chosen.key == key).columns]
    if fmt == "csv":
        assert csv_rows(response)[0] == header
    elif fmt == "json":
        assert isinstance(json.loads(body(response)), list)
    else:
        assert xlsx_rows(response)[0] == header


@pytest.mark.parametrize("key", ["events", "commitments", "members", "collectivities"])
def test_the_three_formats_hold_the_rows_of_the_database(client, published, key):
    spreadsheet = database_rows(key, spreadsheet=True)
    programs = database_rows(key, spreadsheet=False)
    assert len(spreadsheet) > 1, "the fixture must give the dataset rows"

    from_csv = csv_rows(download(client, key, "csv"))
    from_xlsx = xlsx_rows(download(client, key, "xlsx"))
    from_json = json_rows(download(client, key, "json"), spreadsheet[0])

    assert len(from_csv) == len(from_xlsx) == len(from_json) == len(spreadsheet)
    assert checksum(from_csv) == checksum(spreadsheet)
    assert checksum(from_xlsx) == checksum(spreadsheet)
    assert checksum(from_json) == checksum(programs)


def test_only_public_rows_are_downloaded(client, published):
    events = csv_rows(download(client, "events", "csv"))
    commitments = csv_rows(download(client, "commitments", "csv"))
    assert len(events) == 1 + 3  # the unpublished event is not there
    assert len(commitments) == 1 + 3  # nor the commitment of a program in preparation


def test_a_formula_is_text_in_csv_and_xlsx_and_kept_as_written_in_json(client, published):
    titles_csv = [row[4] for row in csv_rows(download(client, "events", "csv"))[1:]]
    titles_xlsx = [row[4] for row in xlsx_rows(download(client, "events", "xlsx"))[1:]]
    titles_json = [row["title"] for row in json.loads(body(download(client, "events", "json")))]
    assert '\'=HYPERLINK("http://evil.example")' in titles_csv
    assert '\'=HYPERLINK("http://evil.example")' in titles_xlsx
    assert not any(str(title).startswith("=") for title in titles_csv + titles_xlsx)
    assert '=HYPERLINK("http://evil.example")' in titles_json


def test_the_xlsx_holds_no_formula_cell(client, published):
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(body(download(client, "events", "xlsx"))))
    kinds = {cell.data_type for row in workbook.active.iter_rows() for cell in row}
    assert "f" not in kinds


def test_an_empty_dataset_is_an_empty_json_array_and_a_header_alone(client, db):
    assert json.loads(body(download(client, "events", "json"))) == []
    assert csv_rows(download(client, "events", "csv")) == [csv_rows_header("events")]


def csv_rows_header(key):
    return [column.name for column in next(chosen for chosen in datasets() if chosen.key == key).columns]


def test_the_titles_follow_the_language_of_the_address(client, published):
    arabic = csv_rows(client.get("/ar/open-data/commitments/csv/"))
    french = csv_rows(client.get("/fr/open-data/commitments/csv/"))
    assert arabic[1][4].startswith("الالتزام")
    assert french[1][4].startswith("Engagement")


@pytest.mark.parametrize("url", ["nothing-here/csv/", "events/pdf/", "events/CSV/", "events/csv.exe/"])
def test_an_unknown_dataset_or_format_is_not_found(client, db, url):
    assert client.get(f"/ar/open-data/{url}").status_code == 404


def test_a_download_cannot_be_posted(client, db):
    assert download(client, "events", "csv").status_code == 200
    assert client.post(reverse("opendata:download", args=["events", "csv"])).status_code == 405


def test_the_network_s_own_event_downloads_without_a_collectivity(client, db):
    """A training the network organises has no collectivity: its row says so with an empty code (it once broke the
    dataset's page and every download)."""
    from tests.events.factories import EventFactory

    EventFactory(collectivity=None, title={"ar": "تكوين الشبكة", "fr": "Formation du réseau"})
    header, row = csv_rows(download(client, "events", "csv"))
    assert row[header.index("collectivity")] == ""
    assert row[header.index("title")] == "تكوين الشبكة"
    assert client.get(reverse("opendata:dataset", args=["events"])).status_code == 200
