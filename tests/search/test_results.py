"""What a search finds and in which order: the same assertions run on SQLite (FTS5) and on PostgreSQL (full text),
so the same corpus gives the same top results on both."""

import datetime

import pytest

from infitah.search.selectors import Filters, results
from infitah.search.terms import parse

pytestmark = pytest.mark.django_db


def found(query, language="ar", **filters):
    return [(entry.kind, entry.object_id) for entry in results(parse(query), Filters(**filters), language)]


def commitment(row):
    return ("programs.commitment", row.pk)


def test_both_arabic_spellings_of_accountability_find_the_same_documents_titles_first(corpus):
    one, other = found("المسائلة"), found("المساءلة")
    assert one == other
    title_hits = {commitment(corpus.accountability), commitment(corpus.safi_commitment)}
    title_hits.add(("territories.chartercommitment", corpus.charter.pk))
    assert set(one[:3]) == title_hits
    assert set(one[3:]) == {commitment(corpus.portal), ("events.event", corpus.workshop.pk)}


def test_the_exact_order_is_fixed_by_title_hits_language_and_date(corpus):
    # Title hits first; then the newest date (the workshop has one, the portal none); ties by kind and id: the same
    # sequence on both databases.
    assert found("المساءلة") == [
        commitment(corpus.accountability),
        commitment(corpus.safi_commitment),
        ("territories.chartercommitment", corpus.charter.pk),
        ("events.event", corpus.workshop.pk),
        commitment(corpus.portal),
    ]


def test_diacritics_tatweel_and_the_article_do_not_matter(corpus):
    assert found("مُسـاءَلة") == found("المساءلة") == found("والمساءلة")
    assert commitment(corpus.accountability) in found("آداء")
    assert found("آداء المصالح") == found("أداء المصالح") == [commitment(corpus.accountability)]


def test_french_finds_with_or_without_accents_and_the_last_word_as_a_beginning(corpus):
    assert found("redevabilité", "fr") == found("REDEVABILITE", "fr")
    assert commitment(corpus.accountability) in found("redevabilite budgetaire", "fr")
    assert found("redevabilite budg", "fr") == [commitment(corpus.accountability)]
    assert found("transpar", "fr") == [commitment(corpus.portal)]


def test_every_word_must_be_found(corpus):
    assert found("redevabilité Safi", "fr") == [commitment(corpus.safi_commitment)]
    assert found("redevabilité introuvable", "fr") == []


def test_one_result_per_document_in_the_readers_language_when_it_matches_there(corpus):
    # "Tétouan" is in the French and the English renderings of the program and of the member: each once.
    results_fr = results(parse("tetouan"), Filters(), "fr")
    keys = [(entry.kind, entry.object_id) for entry in results_fr]
    assert len(keys) == len(set(keys))
    assert ("programs.program", corpus.program.pk) in keys
    assert ("territories.collectivity", corpus.tetouan.pk) in keys
    assert {entry.language for entry in results_fr} == {"fr"}
    # An Arabic reader finds the member by its Arabic name, shown in Arabic.
    member = [e for e in results(parse("تطوان"), Filters(), "ar") if e.kind == "territories.collectivity"]
    assert [(e.object_id, e.language) for e in member] == [(corpus.tetouan.pk, "ar")]


def test_a_french_query_from_an_arabic_page_finds_the_french_text(corpus):
    assert found("redevabilité budgétaire", "ar") == [commitment(corpus.accountability)]


def test_hidden_content_is_never_found(corpus):
    # A commitment of a program in preparation, an unpublished event, a request kept out of the public register.
    assert found("zanzibar", "fr") == []
    assert found("zanzibar", "en") == []
    assert found("السرية") == []
    assert found("Zanzibar budget annex", "en") == []


def test_filters_narrow_by_kind_collectivity_principle_and_date(corpus):
    assert found("المساءلة", kind="events.event") == [("events.event", corpus.workshop.pk)]
    assert set(found("المساءلة", collectivity_id=corpus.safi.pk)) == {
        commitment(corpus.safi_commitment),
        ("events.event", corpus.workshop.pk),
    }
    assert set(found("المساءلة", principle="accountability")) == {
        commitment(corpus.accountability),
        commitment(corpus.safi_commitment),
    }
    assert found("المساءلة", principle="digitalisation") == [commitment(corpus.portal)]
    workshop_day = corpus.workshop.starts_at.date()
    in_range = found("المساءلة", date_from=workshop_day, date_to=workshop_day + datetime.timedelta(days=1))
    assert in_range == [("events.event", corpus.workshop.pk)]
    assert found("المساءلة", date_to=workshop_day - datetime.timedelta(days=1)) == []


def test_the_charter_and_the_members_are_searchable(corpus):
    assert ("territories.chartercommitment", corpus.charter.pk) in found("ancrer", "fr")
    assert found("آسفي", kind="territories.collectivity") == [("territories.collectivity", corpus.safi.pk)]


@pytest.mark.parametrize(
    "typed",
    ['" OR 1=1 --', "NEAR(", "*", ":", "&|!", '"unbalanced', "redevabilité'); DROP TABLE search_entry; --", "a:*A"],
)
def test_operators_typed_by_users_are_plain_words_and_never_fail(corpus, typed):
    assert isinstance(found(typed), list)
    assert isinstance(found(f"redevabilité {typed}", "fr"), list)
