"""Every word the index stores is found again by the engine in use, whatever the text: the words are cut once, in
Python, and neither PostgreSQL's parser nor FTS5's tokenizer cuts them differently."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infitah.core.search import Document
from infitah.search.engines import matching
from infitah.search.indexing import entry
from infitah.search.models import Entry
from infitah.search.terms import Query, words

pytestmark = pytest.mark.django_db

# Any text a database can store (PostgreSQL refuses NUL), with the scripts the platform is written in well
# represented.
texts = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
        st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئءًٌٍَُِّْـ٠١٢٣ éèàçôÉ-'’.,:;*\"()&|!"),
    ),
    max_size=80,
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_every_stored_word_is_found_as_a_whole_word_and_as_a_beginning(text):
    row = entry("ar", Document("bench.kind", text, "", "/", None, object_id=1))
    row.save()
    try:
        for word in set(words(text)):
            assert matching(Entry.objects.filter(pk=row.pk), Query((word, word))).exists(), word
            assert matching(Entry.objects.filter(pk=row.pk), Query((word[:1],))).exists(), word
            found = matching(Entry.objects.filter(pk=row.pk), Query((word,))).get()
            assert found.relevance == 1  # a title word counts as a title hit
    finally:
        row.delete()
