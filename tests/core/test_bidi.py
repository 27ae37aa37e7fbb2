"""Bidirectional controls in what people type cannot reorder what is shown after them: they are removed on input.

"facture‮fdp.exe" shows as "factureexe.pdf" once U+202E (RIGHT-TO-LEFT OVERRIDE) is honoured; stripped, it
shows what it is.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infitah.core.text import BIDI_CONTROLS, clean_user_text, strip_bidi_controls

RLO, LRO, PDF, LRI, RLI, FSI, PDI = "\u202e", "\u202d", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("facture" + RLO + "fdp.exe", "facturefdp.exe"),
        ("\u202aembedded" + PDF + " \u202bembedded" + PDF, "embedded embedded"),
        (LRO + "abc" + PDF, "abc"),
        (LRI + "ltr" + PDI + RLI + "rtl" + PDI + FSI + "first" + PDI, "ltrrtlfirst"),
        # Marks that reorder nothing stay: LRM, RLM and the Arabic letter mark.
        ("مرحبا\u200eOK\u200f \u061c", "مرحبا\u200eOK\u200f \u061c"),
        ("جماعة أمزميز", "جماعة أمزميز"),
        ("", ""),
        (None, None),
    ],
)
def test_bidirectional_controls_are_removed_and_the_rest_is_kept(typed, stored):
    assert strip_bidi_controls(typed) == stored


def test_a_translated_value_is_cleaned_in_every_language():
    assert clean_user_text({"ar": RLO + "نص", "fr": "texte" + LRO}) == {"ar": "نص", "fr": "texte"}


@given(st.text())
def test_no_control_is_left_and_nothing_else_changes(text):
    cleaned = strip_bidi_controls(text)

    assert not BIDI_CONTROLS & set(cleaned)
    assert cleaned == "".join(ch for ch in text if ch not in BIDI_CONTROLS)
    assert strip_bidi_controls(cleaned) == cleaned


@given(st.lists(st.sampled_from([*BIDI_CONTROLS, "a", "ب", " ", "1"]), max_size=40))
def test_controls_anywhere_in_a_text_are_all_removed(characters):
    assert not BIDI_CONTROLS & set(strip_bidi_controls("".join(characters)))
