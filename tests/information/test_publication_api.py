"""A developer reads the proactive-publication catalogue as JSON: the law's categories, each member's completeness,
and one collectivity's catalogue with its entries (stale ones flagged) and documents. Lists are paged like the
rest of the API; answers cost a fixed number of queries whatever the entries."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from infitah.information.models import PublicationCategory
from infitah.participation.attachments import attach
from tests.api.helpers import API, get_json, queries
from tests.factories import MembershipFactory, RoleAssignmentFactory
from tests.information.publication_factories import TODAY, entry, fresh_everywhere

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


def test_the_categories_come_with_their_legal_source_and_delay(client):
    answer = get_json(client, f"{API}/information/publication/categories")
    assert answer["count"] == PublicationCategory.objects.count() >= 12
    budget = next(item for item in answer["items"] if item["key"] == "budget")
    assert budget["title"]["ar"] and budget["title"]["fr"] and budget["source"]
    assert budget["stale_after_days"] == 365
    assert get_json(client, f"{API}/information/publication/categories", page_size=5)["items"][4]


def test_each_members_completeness(client):
    full, half = MembershipFactory(), MembershipFactory()
    fresh_everywhere(full.collectivity)
    entry(half.collectivity, "budget")
    entry(half.collectivity, "recruitment", TODAY - datetime.timedelta(days=181))  # 180-day delay
    total = PublicationCategory.objects.count()
    items = {i["code"]: i for i in get_json(client, f"{API}/information/publication/completeness")["items"]}
    assert items[full.collectivity.code] == {
        "code": full.collectivity.code,
        "name": full.collectivity.name,
        "covered": total,
        "total": total,
        "share": 1.0,
        "stale_entries": 0,
    }
    assert items[half.collectivity.code]["covered"] == 1 and items[half.collectivity.code]["stale_entries"] == 1


def test_a_catalogue_with_entries_documents_and_stale_flags(client):
    commune = MembershipFactory().collectivity
    editor = RoleAssignmentFactory(role="editor", collectivity=commune).user
    budget = entry(commune, "budget", datetime.date(2026, 1, 10))
    attach(editor, budget, SimpleUploadedFile("budget.txt", b"Budget 2026", "text/plain"))
    entry(commune, "public-contracts", datetime.date(2026, 3, 1), url="")
    answer = get_json(client, f"{API}/information/publication/catalogues/{commune.code}")
    assert answer["covered"] == 1 and answer["stale_entries"] == 1
    categories = {c["key"]: c for c in answer["categories"]}
    [line] = categories["budget"]["entries"]
    assert line["url"] == budget.url and line["stale"] is False and line["updated_on"] == "2026-01-10"
    assert line["documents"][0]["name"] == "budget.txt" and "/attachments/" in line["documents"][0]["url"]
    [contracts] = categories["public-contracts"]["entries"]
    assert contracts["stale"] is True and contracts["stale_from"] == "2026-05-31"
    assert categories["public-contracts"]["covered"] is False
    assert categories["recruitment"]["entries"] == [] and categories["recruitment"]["covered"] is False


def test_an_unknown_code_is_a_problem(client):
    problem = get_json(client, f"{API}/information/publication/catalogues/NOPE", status=404)
    assert problem["status"] == 404
    get_json(client, f"{API}/information/publication/catalogues/{'X' * 40}", status=422)


def test_answers_cost_the_same_queries_whatever_the_entries(client):
    small, large = MembershipFactory().collectivity, MembershipFactory().collectivity
    entry(small)
    fresh_everywhere(large)
    fresh_everywhere(large)
    url = f"{API}/information/publication/catalogues/{{}}"
    client.get(url.format(small.code))  # the content types are cached once per process
    assert queries(client, url.format(small.code)) == queries(client, url.format(large.code))
    few = queries(client, f"{API}/information/publication/completeness")
    for _ in range(5):
        fresh_everywhere(MembershipFactory().collectivity)
    assert queries(client, f"{API}/information/publication/completeness") == few
