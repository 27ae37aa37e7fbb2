"""The Atom feeds: valid XML in the Atom namespace with ids and updated dates, in the language of the address,
never a draft, a scheduled or a withdrawn item, and text typed by people inert."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from tests.news.factories import draft, news_item, scheduled, withdrawn

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCRIPT = "<script>alert('x')</script>"


def _feed(client, name, *args, lang="en", query=""):
    with translation.override(lang):
        url = reverse(name, args=args)
    response = client.get(url + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, read as any reader would


def _titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_the_feed_is_atom_with_ids_and_updated_dates(client, people):
    news_item(people.commune_a, title={"en": "First"})
    news_item(None, title={"en": "Second"})
    root = _feed(client, "news:feed")
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated")
    entries = list(root.iter(f"{ATOM}entry"))
    assert len(entries) == 2
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("http")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == 2


def test_feeds_never_hold_unpublished_items(client, people):
    news_item(people.commune_a, title={"en": "PUBLIC"})
    draft(people.commune_a, title={"en": "DRAFT"})
    scheduled(people.commune_a, title={"en": "SCHEDULED"})
    withdrawn(people.commune_a, title={"en": "WITHDRAWN"})
    assert _titles(_feed(client, "news:feed")) == ["PUBLIC"]
    assert _titles(_feed(client, "news:collectivity_feed", people.commune_a.pk)) == ["PUBLIC"]


def test_the_collectivity_feed_and_the_publisher_filter(client, people):
    news_item(people.commune_a, title={"en": "A"})
    news_item(people.commune_b, title={"en": "B"})
    news_item(None, title={"en": "NETWORK"})
    assert _titles(_feed(client, "news:collectivity_feed", people.commune_a.pk)) == ["A"]
    assert _titles(_feed(client, "news:feed", query="?publisher=network")) == ["NETWORK"]
    assert _titles(_feed(client, "news:feed", query=f"?publisher={people.commune_b.code}")) == ["B"]
    assert client.get("/en/news/feed.atom?publisher=nowhere").status_code == 404
    assert client.get(f"/en/news/collectivities/{2**70}/feed.atom").status_code == 404


def test_the_feed_speaks_the_language_of_its_address(client, db):
    news_item(None, title={"ar": "خبر بالعربية", "fr": "Une nouvelle en français"})
    arabic, french = _feed(client, "news:feed", lang="ar"), _feed(client, "news:feed", lang="fr")
    assert arabic.get(XML_LANG) == "ar" and french.get(XML_LANG) == "fr"
    assert _titles(arabic) == ["خبر بالعربية"] and _titles(french) == ["Une nouvelle en français"]


def test_scripts_in_titles_and_summaries_stay_text(client, people):
    news_item(people.commune_a, title={"en": SCRIPT}, summary={"en": SCRIPT})
    root = _feed(client, "news:feed")
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.findtext(f"{ATOM}title") == SCRIPT  # plain text: a reader shows it as typed
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"  # HTML that only says the text


@pytest.mark.parametrize("count", [1, 40])
def test_a_feed_costs_the_same_queries_whatever_it_holds(client, people, django_assert_max_num_queries, count):
    for number in range(count):
        news_item(people.commune_a if number % 2 else None)
    client.get(reverse("news:feed"))
    with django_assert_max_num_queries(1):
        client.get(reverse("news:feed"))
    with django_assert_max_num_queries(2):  # the collectivity, its news
        client.get(reverse("news:collectivity_feed", args=[people.commune_a.pk]))
