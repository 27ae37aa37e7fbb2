"""A developer reads the published news as JSON: the list with the page's filters and pages, one item with its
text. Never a draft, a scheduled or a withdrawn item; a fixed number of queries."""

import pytest

from tests.api.helpers import API, get_json, queries
from tests.news.factories import NOW, draft, news_item, scheduled, withdrawn

pytestmark = pytest.mark.django_db


def test_published_news_are_listed_with_filters_and_pages(client, people):
    ours = news_item(people.commune_a, title={"fr": "Chez nous"}, principles=["transparency"])
    network = news_item(None, title={"fr": "Le réseau"}, published_at=NOW.replace(year=2021))
    draft(people.commune_a)
    scheduled(people.commune_a)
    withdrawn(people.commune_a)

    answer = get_json(client, f"{API}/news")
    assert answer["count"] == 2
    by_id = {item["id"]: item for item in answer["items"]}
    assert by_id[ours.pk]["publisher"] == people.commune_a.code
    assert by_id[network.pk]["publisher"] == "network"
    assert by_id[ours.pk]["title"] == {"fr": "Chez nous"}
    assert by_id[ours.pk]["url"].endswith(f"/news/{ours.pk}/")
    assert [i["id"] for i in get_json(client, f"{API}/news", publisher="network")["items"]] == [network.pk]
    assert [i["id"] for i in get_json(client, f"{API}/news", principle="transparency")["items"]] == [ours.pk]
    assert [i["id"] for i in get_json(client, f"{API}/news", year=2021)["items"]] == [network.pk]
    paged = get_json(client, f"{API}/news", page_size=1, page=2)
    assert paged["count"] == 2 and len(paged["items"]) == 1
    get_json(client, f"{API}/news", status=422, principle="bribery")


@pytest.mark.parametrize("make", [draft, scheduled, withdrawn])
def test_an_unpublished_item_is_a_404_problem(client, people, make):
    item = make(people.commune_a)
    response = client.get(f"{API}/news/{item.pk}", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert "no published news item" in response.json()["detail"]


def test_one_item_with_its_text(client, people):
    item = news_item(people.commune_a, body={"ar": "النص"})
    answer = get_json(client, f"{API}/news/{item.pk}")
    assert answer["body"] == {"ar": "النص"} and answer["has_image"] is False


@pytest.mark.parametrize("count", [1, 25])
def test_the_list_costs_the_same_queries_whatever_it_holds(client, people, count):
    for number in range(count):
        news_item(people.commune_a if number % 2 else None)
    assert queries(client, f"{API}/news") <= 2
