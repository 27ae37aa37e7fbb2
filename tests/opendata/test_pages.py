"""The catalogue's pages: every dataset listed with its update date and formats, a dataset's page with its licence,
columns, downloads, a preview of its first rows and its DCAT metadata in JSON-LD, the whole catalogue as a DCAT
catalogue. The pages cost the same queries whatever the number of rows."""

import json
import re

import pytest
from django.urls import reverse

from infitah.core.datasets import OPEN_LICENCE, datasets
from infitah.opendata.selectors import PREVIEW_ROWS
from tests.clients import page, queries
from tests.events.factories import EventFactory
from tests.factories import CommuneFactory, MembershipFactory
from tests.opendata.readback import csv_rows
from tests.programs.factories import CommitmentFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(html):
    (found,) = JSON_LD.findall(html)
    return json.loads(found)


def test_the_catalogue_lists_every_dataset_with_its_formats(client, published):
    html = page(client, reverse("opendata:catalogue"))
    for chosen in datasets():
        assert reverse("opendata:dataset", args=[chosen.key]) in html
        for fmt in ("csv", "json", "xlsx"):
            assert reverse("opendata:download", args=[chosen.key, fmt]) in html


def test_the_catalogue_is_in_the_menu_and_the_footer(client, db):
    html = page(client, reverse("territories:network"))
    assert html.count(f'href="{reverse("opendata:catalogue")}"') >= 2


def test_a_dataset_page_shows_its_licence_columns_and_first_rows(client, published):
    html = page(client, reverse("opendata:dataset", args=["events"]))
    assert OPEN_LICENCE.url in html
    assert "starts_at" in html
    assert "ورشة رقم" in html
    assert "&#x27;=1+1" not in html  # the preview shows the title as written, escaped, not neutralised
    assert "=HYPERLINK(&quot;http://evil.example&quot;)" in html


def test_the_preview_holds_the_first_rows_of_the_download(client, published):
    EventFactory.create_batch(PREVIEW_ROWS + 5, collectivity=published)
    html = page(client, reverse("opendata:dataset", args=["events"]))
    body = html[html.index('class="dataset-preview"') :]
    assert body.count("<tr>") == 1 + PREVIEW_ROWS
    first = csv_rows(client.get(reverse("opendata:download", args=["events", "csv"])))[1]
    assert f'<td dir="auto">{first[0]}</td>' in body


def test_the_dataset_page_carries_dcat_metadata(client, published):
    document = jsonld(page(client, reverse("opendata:dataset", args=["commitments"])))
    assert document["@type"] == "dcat:Dataset"
    assert document["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert document["dct:license"] == {"@id": OPEN_LICENCE.url}
    assert document["dct:modified"]["@type"] == "xsd:dateTime"
    assert document["dct:publisher"]["foaf:name"]
    formats = {distribution["dct:format"] for distribution in document["dcat:distribution"]}
    assert formats == {"CSV", "JSON", "XLSX"}
    for distribution in document["dcat:distribution"]:
        assert distribution["dcat:downloadURL"]["@id"].startswith("http://testserver/ar/open-data/commitments/")


def test_a_dataset_that_records_no_update_says_so_and_has_no_modified_date(client, published):
    html = page(client, reverse("opendata:dataset", args=["events"]))
    assert "dct:modified" not in jsonld(html)


def test_the_json_ld_cannot_close_its_script(client, published):
    CommitmentFactory(
        axis__program__collectivity=published,
        axis__program__phase="implementation",
        title={"ar": "</script><script>alert(1)</script>", "fr": "x"},
    )
    html = page(client, reverse("opendata:dataset", args=["commitments"]))
    assert "</script><script>alert(1)" not in html


def test_the_dcat_catalogue_lists_every_dataset(client, published):
    response = client.get(reverse("opendata:dcat"))
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(response.content)
    assert document["@type"] == "dcat:Catalog"
    keys = {node["dct:identifier"] for node in document["dcat:dataset"]}
    assert keys == {chosen.key for chosen in datasets()}
    assert all(node["dcat:distribution"] and node["dct:license"] for node in document["dcat:dataset"])


def test_an_unknown_dataset_page_is_not_found(client, db):
    assert client.get("/ar/open-data/no-such-dataset/").status_code == 404
    assert client.get("/ar/open-data/" + "x" * 300 + "/").status_code == 404


def _grow(commune):
    EventFactory.create_batch(10, collectivity=commune)
    for _ in range(5):
        MembershipFactory(collectivity=CommuneFactory())
    CommitmentFactory.create_batch(10, axis__program__collectivity=commune, axis__program__phase="implementation")


@pytest.mark.parametrize(
    "url",
    [
        reverse("opendata:catalogue"),
        reverse("opendata:dcat"),
        reverse("opendata:dataset", args=["events"]),
        reverse("opendata:dataset", args=["commitments"]),
        reverse("opendata:dataset", args=["members"]),
        reverse("opendata:dataset", args=["opinions"]),
    ],
)
def test_the_pages_cost_the_same_queries_whatever_the_rows(client, published, url):
    before = queries(client, url)
    _grow(published)
    assert queries(client, url) == before


def test_the_catalogue_costs_one_query_per_dataset_at_most(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(len(datasets()) + 8):
        assert client.get(reverse("opendata:catalogue")).status_code == 200


@pytest.mark.parametrize("key", [chosen.key for chosen in datasets()])
def test_every_dataset_has_a_page_with_its_dcat_description(client, published, key):
    html = page(client, reverse("opendata:dataset", args=[key]))
    document = jsonld(html)
    assert document["dct:identifier"] == key
    assert len(document["dcat:distribution"]) == 3
