"""Search and duplicate detection fold the spellings the seed article itself mixes: المساءلة / المسائلة,
آداء / أداء, مراكش اسفي / مراكش آسفي."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from infitah.core.arabic import normalise

ALEF_VARIANTS = "أإآٱ"
# Letters that fold into another for matching, and what they fold into.
FOLDS = {**dict.fromkeys(ALEF_VARIANTS, "ا"), "ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه"}
PLAIN_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

arabic_words = st.text(alphabet=PLAIN_LETTERS + "".join(FOLDS) + " ", min_size=1, max_size=40)


@given(st.text())
@example("جهة مراكش آسفي")
@example("Région de Tanger-Tétouan-Al Hoceïma")
@example("ﷺ ﻻ ـــ ٢٠٢٣")
def test_normalising_twice_changes_nothing(text):
    once = normalise(text)
    assert normalise(once) == once


def plain_spelling(text):
    """The same words written with plain letters: a hamza seat after an alef becomes a hamza on the line."""
    text = re.sub(f"(?<=[ا{ALEF_VARIANTS}])ئ", "ء", text)
    return "".join(FOLDS.get(letter, letter) for letter in text)


@given(arabic_words)
def test_hamza_and_alef_variants_fold_to_the_plain_letter(text):
    key = normalise(text)
    assert key == normalise(plain_spelling(text))
    assert not set(key) & {*FOLDS, "ء"}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("المساءلة", "المسائلة"),
        ("آداء", "أداء"),
        ("جهة مراكش آسفي", "جهة مراكش اسفي"),
        ("جهة مراكش أسفي", "جهة مراكش آسفي"),
        ("إقليم", "اقليم"),
        ("مسؤول", "مسوول"),
        ("الجماعات الترابية", "الجماعات الترابيه"),
        ("على", "علي"),
    ],
)
def test_the_seeds_variant_spellings_find_each_other(one, other):
    assert normalise(one) == normalise(other)


@given(arabic_words, st.lists(st.sampled_from(TASHKEEL + "\u0640"), max_size=10), st.randoms())
def test_diacritics_and_tatweel_are_ignored(text, marks, random):
    letters = list(text)
    for mark in marks:
        letters.insert(random.randint(1, len(letters)), mark)
    assert normalise("".join(letters)) == normalise(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_indic_and_eastern_arabic_digits_fold_to_ascii(number):
    ascii_digits = str(number)
    for digits in (ARABIC_INDIC_DIGITS, EASTERN_ARABIC_DIGITS):
        written = ascii_digits.translate(str.maketrans("0123456789", digits))
        assert normalise(written) == ascii_digits
        assert normalise(f"دورة أكتوبر {written}") == f"دوره اكتوبر {ascii_digits}"
