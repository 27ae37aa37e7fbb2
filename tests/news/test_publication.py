"""News reaches the search, the open-data catalogue and the sitemap only once public; the body's markup stays
text; the status table; the demo."""

import datetime

import pytest
from django.utils import timezone

from infitah.core import datasets, search
from infitah.news import states
from infitah.news.models import NewsItem
from infitah.news.text import render_body
from tests.news.factories import draft, news_item, scheduled, withdrawn

pytestmark = pytest.mark.django_db


def test_search_documents_are_the_public_news_with_principles_and_date(people):
    public = news_item(people.commune_a, title={"en": "Open council"}, principles=["transparency"])
    draft(people.commune_a)
    scheduled(people.commune_a)
    withdrawn(people.commune_a)
    source = next(s for s in search.sources() if s.kind == "news.newsitem")
    rows = list(source.rows())
    assert rows == [public]
    assert source.principles(public) == ["transparency"]
    assert source.date(public) == public.published_at
    assert source.collectivity(public) == people.commune_a.pk


def test_the_dataset_lists_public_news_metadata(people):
    public = news_item(None, title={"ar": "خبر"}, principles=["digitalisation"], source_url="https://example.org")
    draft(people.commune_a)
    scheduled(None)
    header, *rows = list(datasets.table("news"))
    assert header[:3] == ["id", "publisher", "title"]
    assert len(rows) == 1
    record = dict(zip(header, rows[0], strict=True))
    assert record["id"] == public.pk and record["publisher"] == "network" and record["languages"] == "ar"
    assert "body" not in header


def test_the_sitemap_lists_only_public_news(client, people):
    public = news_item(people.commune_a)
    hidden = draft(people.commune_a)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/news/{public.pk}/" in sitemap and f"/news/{hidden.pk}/" not in sitemap


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One\n\nTwo", "<p>One</p><p>Two</p>"),
        ("Line\nnext", "<p>Line<br>next</p>"),
        ("<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>"),
        (
            "See https://example.org",
            '<p>See <a href="https://example.org" rel="nofollow noopener">https://example.org</a></p>',
        ),
        (
            'javascript:alert(1) "x" <img src=x onerror=alert(1)>',
            '<p>javascript:alert(1) "x" &lt;img src=x onerror=alert(1)&gt;</p>',
        ),
        ("", ""),
    ],
)
def test_the_body_is_paragraphs_and_links_never_markup(text, html):
    assert render_body(text) == html


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("draft", "published", True),
        ("published", "withdrawn", True),
        ("withdrawn", "draft", True),
        ("draft", "withdrawn", False),
        ("published", "draft", False),
        ("withdrawn", "published", False),
        ("published", "published", False),
    ],
)
def test_the_status_table(current, target, allowed):
    assert states.may_move(current, target) is allowed


def test_public_means_published_and_its_time_come():
    now = timezone.now()
    assert states.is_public("published", now, now)
    assert not states.is_public("published", now + datetime.timedelta(seconds=1), now)
    assert not states.is_public("published", None, now)
    assert not states.is_public("draft", now - datetime.timedelta(days=1), now)


def test_the_demo_starts_with_the_seed_article(db):
    from infitah.news import demo
    from infitah.news.demo import content
    from infitah.territories import demo as territories_demo

    territories_demo.load()
    demo.load()
    demo.load()  # a second call writes nothing
    first = NewsItem.objects.order_by("pk").first()
    assert first.title == {"ar": content.ARTICLE_TITLE}
    assert first.summary["fr"].startswith("Dans le cadre du « programme d'appui")
    assert not first.is_illustrative and first.is_public
    assert timezone.localtime(first.published_at).date() == datetime.date(2023, 4, 11)
    assert NewsItem.objects.filter(is_illustrative=True).count() == len(content.ILLUSTRATIVE_NEWS) + 1
    assert NewsItem.objects.published().count() == len(content.ILLUSTRATIVE_NEWS) + 1  # the draft is not
    founding = NewsItem.objects.get(title__fr__startswith="Création du Réseau")
    assert founding.collectivity is None
    assert timezone.localtime(founding.published_at).date() == datetime.date(2022, 10, 21)
