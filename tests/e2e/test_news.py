"""In Chromium: a visitor opens the news in Arabic, reads the seed article (written in Arabic only, with a French
summary), switches to French and reads the summary in French, the Arabic text still marked as Arabic, and finds
the news feed."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from infitah.news.demo import content
from infitah.news.models import NewsItem
from infitah.news.states import NewsStatus
from tests.factories import RegionFactory


def arabic(text):
    with translation.override("ar"):
        return gettext(text)


@pytest.fixture
def article(db):
    region = RegionFactory(name={"ar": "جهة مراكش آسفي", "fr": "Région de Marrakech-Safi"})
    return NewsItem.objects.create(
        collectivity=region,
        title={"ar": content.ARTICLE_TITLE},
        summary={"fr": content.ARTICLE_SUMMARY_FR},
        body={"ar": content.ARTICLE_BODY},
        status=NewsStatus.PUBLISHED,
        published_at=timezone.make_aware(datetime.datetime(2023, 4, 11, 9, 0)),
    )


def test_a_visitor_reads_the_article_in_arabic_then_its_french_summary(page, article):
    page.goto("/ar/news/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text(arabic("News"))
    expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).to_have_attribute(
        "href", "/ar/news/feed.atom"
    )
    expect(page.get_by_role("link", name=arabic("Subscribe to the news feed (Atom)"))).to_be_visible()
    page.get_by_role("link", name=content.ARTICLE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.ARTICLE_TITLE)
    expect(page.locator(".news-body")).to_contain_text("ينظم مجلس جهة مراكش اسفي يوم الثلاثاء 11 أبريل 2023")

    with page.expect_navigation():
        page.locator('form.language-switcher button[name="language"][value="fr"][lang="fr"]').click()
    assert page.url.endswith(f"/fr/news/{article.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("#news-summary")).to_contain_text("Dans le cadre du « programme d'appui")
    # The title and the text exist only in Arabic: shown as such, marked for the reader's browser.
    expect(page.locator('h1 [lang="ar"][dir="rtl"]')).to_have_text(content.ARTICLE_TITLE)
    expect(page.locator('.news-body[lang="ar"][dir="rtl"]')).to_be_visible()

    feed = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    expect(feed).to_have_count(1)
    href = feed.get_attribute("href")
    assert href == f"/fr/news/collectivities/{article.collectivity_id}/feed.atom"
    visible_link = page.locator('a[type="application/atom+xml"]')
    expect(visible_link).to_have_attribute("href", href)
    response = page.request.get(href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert content.ARTICLE_TITLE in response.text()
