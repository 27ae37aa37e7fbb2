"""The words both engines match: the one normaliser, the Arabic article, and users' operators made plain words."""

from hypothesis import given
from hypothesis import strategies as st

from infitah.search.terms import MAX_WORD_LENGTH, fts5_term, key, parse, tsquery_term, words


def test_the_seeds_spellings_give_the_same_words():
    assert words("المساءلة") == words("المسائلة") == words("والمساءلة") == words("للمساءلة")
    assert words("آداء") == words("أداء")
    assert words("مُـسـاءَلَة") == words("مساءلة")
    assert words("دورة ٢٠٢٣ و۲۰۲۴") == words("دورة 2023 و2024")


def test_french_accents_and_case_fold():
    assert words("Tanger-Tétouan-Al Hoceïma") == ["tanger", "tetouan", "al", "hoceima"]
    assert key("L'ÉTAT, c'est nous") == "l etat c est nous"


def test_a_short_word_keeps_its_article_letters():
    assert words("الي") == ["الي"]


def test_operators_become_plain_words_or_nothing():
    assert parse('" OR 1=1 --').terms == ("or", "1")
    assert parse("NEAR(").terms == ("near",)
    for signs in ("*", ":", "&|!", '"', "()", "ًٌٍ", "ـــ", "-- ;"):
        assert not parse(signs)
    assert not parse("x" * 5000)  # one absurdly long "word" is not a word


def test_terms_are_quoted_for_each_engine():
    query = parse("redevabilité budg")
    assert query.fts5() == '"redevabilite" AND "budg"*'
    assert query.tsquery() == "'redevabilite' & 'budg':*"
    assert fts5_term('a"b', False, "title_key") == 'title_key : "a""b"'
    assert tsquery_term("a'b", True, "A") == "'a''b':*A"


@given(st.text(max_size=300))
def test_any_text_gives_words_of_letters_and_digits_only(text):
    for word in words(text):
        assert word and len(word) <= MAX_WORD_LENGTH
        assert all(c.isalnum() for c in word)
