"""The catalogue in the public API: every dataset with its licence, update date, columns and the addresses of its
page and downloads, paginated like every list; the cost stays one query per dataset whatever the rows."""

import pytest

from infitah.core.datasets import OPEN_LICENCE, datasets
from tests.opendata.test_pages import _grow

pytestmark = pytest.mark.django_db


def test_the_api_lists_every_dataset_with_its_downloads(client, published):
    response = client.get("/api/v1/datasets?page_size=100")
    assert response.status_code == 200
    items = {item["key"]: item for item in response.json()["items"]}
    assert set(items) == {chosen.key for chosen in datasets()}
    events = items["events"]
    assert events["licence"] == {"name": OPEN_LICENCE.name, "url": OPEN_LICENCE.url}
    assert events["page"] == "http://testserver/ar/open-data/events/"
    assert [download["format"] for download in events["downloads"]] == ["csv", "json", "xlsx"]
    assert client.get(events["downloads"][0]["url"]).status_code == 200
    assert "starts_at" in [column["name"] for column in events["columns"]]
    assert items["commitments"]["updated"] is not None
    assert items["events"]["updated"] is None


def test_the_api_follows_the_language_asked_for(client, published):
    french = client.get("/api/v1/datasets?page_size=100", headers={"accept-language": "fr"}).json()["items"]
    arabic = client.get("/api/v1/datasets?page_size=100", headers={"accept-language": "ar"}).json()["items"]
    assert [item["key"] for item in french] == [item["key"] for item in arabic]
    titles = {item["key"]: item["title"] for item in french}, {item["key"]: item["title"] for item in arabic}
    assert titles[0]["events"] != titles[1]["events"]
    assert titles[0]["events"].startswith("Ateliers")


def test_the_api_costs_the_same_queries_whatever_the_rows(client, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get("/api/v1/datasets")
    _grow(published)
    with CaptureQueriesContext(connection) as after:
        client.get("/api/v1/datasets")
    assert len(after) == len(before)


def test_a_bad_page_is_a_problem(client, db):
    response = client.get("/api/v1/datasets?page=0")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
