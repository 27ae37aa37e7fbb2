"""The public news pages: only published items whose time has come, in the reader's language (else the available
one, marked), text escaped, filters, a fixed number of queries."""

import pytest
from django.urls import reverse
from django.utils import translation

from infitah.news.models import NewsItem
from tests.core.page_cache_helpers import read_from_one_copy
from tests.factories import MembershipFactory
from tests.news.factories import NOW, draft, news_item, scheduled, withdrawn

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert('x')</script>"


def _url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


def test_the_list_shows_published_news_and_nothing_unpublished(client, people):
    news_item(people.commune_a, title={"en": "Open budget day"})
    news_item(None, title={"en": "The network meets"})
    draft(people.commune_a, title={"en": "DRAFT-TITLE"})
    scheduled(people.commune_a, title={"en": "SCHEDULED-TITLE"})
    withdrawn(people.commune_a, title={"en": "WITHDRAWN-TITLE"})
    page = client.get(_url("news:list")).content.decode()
    assert "Open budget day" in page and "The network meets" in page
    for hidden in ("DRAFT-TITLE", "SCHEDULED-TITLE", "WITHDRAWN-TITLE"):
        assert hidden not in page


@pytest.mark.parametrize("make", [draft, scheduled, withdrawn])
def test_an_unpublished_item_is_a_404_to_the_public_and_to_other_staff(client, people, make):
    item = make(people.commune_a)
    assert client.get(_url("news:detail", item.pk)).status_code == 404
    client.force_login(people.other_focal_point)
    assert client.get(_url("news:detail", item.pk)).status_code == 404
    client.force_login(people.editor)
    assert client.get(_url("news:detail", item.pk)).status_code == 200


def test_an_absurd_id_is_a_404(client, db):
    assert client.get(f"/en/news/{2**70}/").status_code == 404
    assert client.get(f"/en/news/{2**70}/image").status_code == 404


def test_the_filters_narrow_by_publisher_principle_and_year(client, people):
    news_item(people.commune_a, title={"en": "A-NEWS"}, principles=["transparency"])
    news_item(None, title={"en": "NETWORK-NEWS"}, principles=["digitalisation"])
    old = news_item(people.commune_b, title={"en": "OLD-NEWS"})
    NewsItem.objects.filter(pk=old.pk).update(published_at=old.published_at.replace(year=2019))

    def titles(query):
        page = client.get(_url("news:list") + query).content.decode()
        return {title for title in ("A-NEWS", "NETWORK-NEWS", "OLD-NEWS") if title in page}

    assert titles("?publisher=network") == {"NETWORK-NEWS"}
    assert titles(f"?publisher={people.commune_a.code}") == {"A-NEWS"}
    assert titles("?principle=transparency") == {"A-NEWS"}
    assert titles("?year=2019") == {"OLD-NEWS"}
    assert titles("?year=1700") == {"A-NEWS", "NETWORK-NEWS", "OLD-NEWS"}  # refused filter, explained, not applied


def test_a_refused_filter_is_explained(client, db):
    page = client.get(_url("news:list") + "?principle=bribery").content.decode()
    assert "Select a valid choice" in page


def test_scripts_typed_in_any_field_are_shown_as_text(client, people):
    item = news_item(
        people.commune_a,
        title={"en": SCRIPT},
        summary={"en": SCRIPT},
        body={"en": f"{SCRIPT}\n\nSee https://example.org/?a=<b>"},
        source_name=SCRIPT,
        source_url="https://example.org/source",
    )
    for url in (_url("news:list"), _url("news:detail", item.pk)):
        page = client.get(url).content.decode()
        assert SCRIPT not in page
        assert "&lt;script&gt;" in page
    detail = client.get(_url("news:detail", item.pk)).content.decode()
    assert '<a href="https://example.org/?a=" rel="nofollow noopener">' in detail


def test_arabic_text_with_a_french_summary_reads_in_french_with_the_arabic_marked(client, db):
    item = news_item(None, title={"ar": "ورشة للإعداد المشترك"}, summary={"fr": "Un atelier de co-construction"})
    item.body = {"ar": "نص المقال"}
    item.save()
    page = client.get(_url("news:detail", item.pk, lang="fr")).content.decode()
    assert "Un atelier de co-construction" in page
    assert '<span lang="ar" dir="rtl">ورشة للإعداد المشترك</span>' in page
    assert '<div class="news-body" lang="ar" dir="rtl"><p>نص المقال</p></div>' in page


def test_the_list_and_member_pages_announce_their_atom_feeds(client, people):
    MembershipFactory(collectivity=people.commune_a)
    news_item(people.commune_a, title={"en": "MEMBER-NEWS"})
    listing = client.get(_url("news:list")).content.decode()
    feed_link = '<link rel="alternate" type="application/atom+xml" title="Infitah news (Atom feed)" href="{}">'
    assert feed_link.format(_url("news:feed")) in listing
    member = client.get(_url("territories:member", people.commune_a.code)).content.decode()
    feed = _url("news:collectivity_feed", people.commune_a.pk)
    assert 'type="application/atom+xml"' in member and f'href="{feed}"' in member
    assert "MEMBER-NEWS" in member


def test_the_member_block_shows_the_latest_three(client, people):
    MembershipFactory(collectivity=people.commune_a)
    for number in range(5):
        news_item(people.commune_a, title={"en": f"ITEM-{number}"}, published_at=NOW.replace(day=1 + number))
    page = client.get(_url("territories:member", people.commune_a.code)).content.decode()
    assert [f"ITEM-{n}" in page for n in range(5)] == [False, False, True, True, True]


def test_the_home_page_shows_the_network_news(client, people):
    news_item(None, title={"en": "HOME-NETWORK-NEWS"})
    news_item(people.commune_a, title={"en": "HOME-MEMBER-NEWS"})
    draft(None, title={"en": "HOME-DRAFT"})
    page = client.get("/en/").content.decode()
    assert "HOME-NETWORK-NEWS" in page
    assert "HOME-MEMBER-NEWS" not in page and "HOME-DRAFT" not in page


def _fill(people, count):
    for number in range(count):
        news_item(people.commune_a if number % 2 else None, principles=["transparency"])


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_costs_the_same_queries_whatever_it_holds(client, people, django_assert_max_num_queries, count):
    _fill(people, count)
    client.get(_url("news:list"))  # warm the per-process caches (content types, sessions)
    with django_assert_max_num_queries(4):  # publishers, years, count, page
        assert client.get(_url("news:list") + "?principle=transparency").status_code == 200


def test_the_detail_page_costs_a_fixed_number_of_queries(client, people, django_assert_max_num_queries):
    item = news_item(people.commune_a, body={"en": "Text\n\nMore text"})
    client.get(_url("news:detail", item.pk))
    with django_assert_max_num_queries(1):
        assert client.get(_url("news:detail", item.pk)).status_code == 200


@pytest.mark.parametrize("count", [1, 20])
def test_the_member_block_costs_one_query(rf, people, django_assert_num_queries, count):
    from infitah.news.selectors import member_section_context

    for _number in range(count):
        news_item(people.commune_a)
    with django_assert_num_queries(1):
        member_section_context(rf.get("/"), people.commune_a)


def test_everyone_signed_in_reads_the_news_from_one_copy_each_given_the_links_their_powers_open(settings, people):
    """The list and an item are shared by everyone signed in (core.sharedpages): the news desk and the Edit link are
    the only parts a reader's powers change, whoever's read made the copy."""
    item = news_item(people.commune_a, title={"en": "Open budget day"})
    readers = {
        "citizen": people.citizen,
        "other focal point": people.other_focal_point,  # writes news, but not commune A's
        "editor": people.editor,
        "coordinator": people.coordinator,  # writes the network's news, not a member's
    }
    pages = read_from_one_copy(settings, readers, [_url("news:list"), _url("news:detail", item.pk)])

    desk, edit = f'href="{_url("news:manage")}"', f'href="{_url("news:edit", item.pk)}"'
    assert {name: (desk in listed, edit in shown) for name, (listed, shown) in pages.items()} == {
        "citizen": (False, False),
        "other focal point": (True, False),
        "editor": (True, True),
        "coordinator": (True, False),
    }
