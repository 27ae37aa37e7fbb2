"""The search page as a visitor uses it: the header box, results with their kind, place, date and marked words,
filters, pages, and a clear sentence for every input that gives nothing to show."""

import pytest
from django.urls import reverse
from django.utils import translation

from infitah.search import indexing
from tests.factories import CharterCommitmentFactory

pytestmark = pytest.mark.django_db


def search(client, language="en", **params):
    with translation.override(language):
        url = reverse("search:page")
    return client.get(url, params)


def test_every_page_has_the_search_box_in_its_header(client, corpus):
    page = client.get("/fr/").content.decode()
    assert 'role="search"' in page and 'action="/fr/search/"' in page and 'name="q"' in page


def test_results_show_their_kind_collectivity_date_and_the_marked_words(client, corpus):
    page = search(client, "fr", q="redevabilite budgetaire").content.decode()
    assert "1 résultat" in page or "1 result" in page
    assert corpus.accountability.get_absolute_url().replace("/en/", "/fr/") in page or "/programs/" in page
    assert "<mark>redevabilité</mark>" in page and "<mark>budgétaire</mark>" in page
    assert "Commune de Tétouan" in page
    assert 'dir="auto"' in page


def test_an_arabic_variant_spelling_finds_and_marks_the_written_word(client, corpus):
    page = search(client, "ar", q="المسائلة").content.decode()
    assert "<mark>المُساءلة</mark>" in page  # the word as written, diacritics kept, marked
    assert 'lang="ar"' in page


def test_user_text_is_escaped_in_titles_and_snippets(client, corpus):
    CharterCommitmentFactory(
        number=9, title={"fr": "<script>alert(1)</script> ouverture"}, text={"fr": "<b>ouverture</b> & co"}
    )
    indexing.rebuild(["territories.chartercommitment"])
    page = search(client, "fr", q="ouverture").content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>ouverture" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>ouverture</mark>" in page
    assert "&lt;b&gt;<mark>ouverture</mark>&lt;/b&gt; &amp; co" in page


def test_an_empty_search_shows_the_form_and_a_hint(client, corpus):
    response = search(client)
    assert response.status_code == 200
    assert "Type a few words" in response.content.decode()
    assert "Type a few words" in search(client, q="   ").content.decode()


def test_a_search_of_signs_only_says_there_is_no_word(client, corpus):
    for typed in ("*", ":", "&|!", '"', "ًٌٍَُ", "...!!!???", "ـــ"):
        response = search(client, q=typed)
        assert response.status_code == 200
        assert "has no word to look for" in response.content.decode()


def test_a_too_long_search_is_refused_with_a_message(client, corpus):
    response = search(client, q="redevabilité " * 400)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your search is too long: at most 200 characters" in page
    assert "search-result" not in page


@pytest.mark.parametrize("typed", ['" OR 1=1 --', "NEAR(", '"unbalanced', "redevabilité NEAR( OR *", "a:*A & b"])
def test_operators_typed_by_users_never_make_a_server_error(client, corpus, typed):
    assert search(client, q=typed).status_code == 200


def test_no_result_suggests_fewer_filters_when_filters_are_set(client, corpus):
    plain = search(client, q="introuvable").content.decode()
    assert "Nothing matches your search" in plain and "Try fewer words" in plain
    filtered = search(client, q="redevabilité", principle="digitalisation", kind="events.event").content.decode()
    assert "without some of the filters" in filtered


def test_bad_filters_explain_themselves(client, corpus):
    response = search(client, q="redevabilité", **{"from": "2025-13-45", "kind": "nope", "collectivity": "X"})
    assert response.status_code == 200
    assert "correct what is marked" in response.content.decode()
    reversed_period = search(client, q="redevabilité", **{"from": "2025-02-01", "to": "2025-01-01"})
    assert "The end of the period comes before its start" in reversed_period.content.decode()


def test_filters_are_kept_in_the_form_and_narrow_the_results(client, corpus):
    page = search(client, "fr", q="redevabilité", collectivity=corpus.safi.code).content.decode()
    assert "<mark>Redevabilité</mark> locale à Safi" in page and "budgétaire" not in page
    assert f'value="{corpus.safi.code}" selected' in page


def test_pages_of_twenty_results(client, corpus):
    for number in range(30, 52):
        CharterCommitmentFactory(number=number, title={"fr": f"Engagement zorblax {number}"}, text={"fr": "zorblax"})
    indexing.rebuild(["territories.chartercommitment"])
    first = search(client, q="zorblax").content.decode()
    assert "22 results" in first and "Page 1 of 2" in first
    second = search(client, q="zorblax", page=2).content.decode()
    assert second.count('class="search-result"') == 2


def test_the_number_of_queries_does_not_grow_with_the_results(client, corpus, django_assert_max_num_queries):
    search(client, q="redevabilité")  # warm the caches of the first request
    with django_assert_max_num_queries(8) as few:
        search(client, q="redevabilité")
    for number in range(30, 60):
        CharterCommitmentFactory(number=number, title={"fr": f"Redevabilité {number}"}, text={"fr": "redevabilité"})
    indexing.rebuild(["territories.chartercommitment"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        search(client, q="redevabilité")
