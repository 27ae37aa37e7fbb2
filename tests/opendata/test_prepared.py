"""A dataset above the threshold is exported in the background into storage: the first download asks for it and
(tasks run at once in the tests) serves the prepared file; later downloads serve that file without writing it
again, until the dataset's update date moves on. A preparation under way says so."""

import datetime
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from infitah.opendata import prepared
from infitah.opendata.models import PreparedExport, PreparedExportState
from tests.opendata.readback import body, checksum, csv_rows, database_rows, xlsx_rows
from tests.programs.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.INFITAH_OPEN_DATA_BACKGROUND_ROWS = 2


def url(key="commitments", fmt="csv"):
    return reverse("opendata:download", args=[key, fmt])


def test_a_large_dataset_is_prepared_then_served_from_storage(client, published):
    response = client.get(url())
    assert response.status_code == 200
    export = PreparedExport.objects.get(dataset="commitments", format="csv", language="ar")
    assert export.state == PreparedExportState.READY
    assert default_storage.exists(export.file)
    assert export.rows == 3
    assert checksum(csv_rows(response)) == checksum(database_rows("commitments", spreadsheet=True))
    assert response["Content-Disposition"].startswith('attachment; filename="commitments-')
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_file_is_kept_until_the_data_changes(client, published):
    client.get(url())
    with mock.patch("infitah.opendata.tasks.prepare_export") as enqueue:
        assert client.get(url()).status_code == 200
    enqueue.enqueue.assert_not_called()


def test_a_change_of_the_data_prepares_a_new_file(client, published):
    body(client.get(url()))
    old = PreparedExport.objects.get(dataset="commitments", format="csv").file
    # A program made public later: the dataset's update date moves on.
    CommitmentFactory(
        axis__program__collectivity=published,
        axis__program__phase="implementation",
        axis__program__created_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    rows = csv_rows(client.get(url()))
    assert len(rows) == 1 + 4
    export = PreparedExport.objects.get(dataset="commitments", format="csv")
    assert export.rows == 4
    if export.file != old:
        assert not default_storage.exists(old)


def test_while_it_is_prepared_the_page_says_so(client, published):
    with mock.patch("infitah.opendata.tasks.prepare_export"):
        response = client.get(url(fmt="xlsx"))
    assert response.status_code == 202
    assert response.context["export"].state == PreparedExportState.PREPARING
    assert response["Refresh"]
    page = client.get(reverse("opendata:dataset", args=["commitments"]))
    states = {download["format"].key: download["prepared"] for download in page.context["downloads"]}
    assert states["xlsx"].state == PreparedExportState.PREPARING
    assert states["csv"] is None


def test_each_format_and_language_has_its_own_file(client, published):
    xlsx = xlsx_rows(client.get(url(fmt="xlsx")))
    french = csv_rows(client.get("/fr/open-data/commitments/csv/"))
    assert len(xlsx) == len(french) == 4
    assert french[1][4].startswith("Engagement")
    assert PreparedExport.objects.filter(dataset="commitments").count() == 2


def test_a_preparation_for_an_old_version_writes_nothing(published):
    PreparedExport.objects.create(
        dataset="commitments",
        format="csv",
        language="ar",
        version="new",
        state="preparing",
        requested_at=timezone.now(),
    )
    assert prepared.prepare("commitments", "csv", "ar", "old") is None
    assert PreparedExport.objects.get().state == "preparing"


def test_a_failed_preparation_is_asked_again(client, published):
    with mock.patch("infitah.opendata.exports.write", side_effect=RuntimeError("disk full")):
        response = client.get(url())
    assert response.status_code == 202
    assert response.context["export"].state == PreparedExportState.FAILED
    assert "Refresh" not in response
    assert client.get(url()).status_code == 200
    assert PreparedExport.objects.get().state == PreparedExportState.READY


def test_a_small_dataset_is_streamed_at_once(client, published, settings):
    settings.INFITAH_OPEN_DATA_BACKGROUND_ROWS = 100
    response = client.get(url())
    assert response.streaming
    assert not PreparedExport.objects.exists()
