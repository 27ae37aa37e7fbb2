"""Arabic text normalisation for search and duplicate detection (DESIGN.md §4).

The display keeps the original text; only matching keys are folded. The seed article itself writes
المساءلة and المسائلة, آداء and أداء: both spellings must find each other.
"""

import re
import unicodedata

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "ء": "",
        # Arabic-Indic and Eastern Arabic (Persian) digits to ASCII.
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_SPACES = re.compile(r"\s+")
# After an alef, a hamza written on a yeh seat is a common variant of the hamza on the line
# (المسائلة / المساءلة, تسائل / تساءل): both drop the hamza.
_HAMZA_SEAT_AFTER_ALEF = re.compile("(?<=[اأإآٱ])ئ")


def normalise(text: str | None) -> str:
    """Fold `text` into a matching key: lower case, no diacritics, unified letter variants and digits."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _TASHKEEL.sub("", text).replace(_TATWEEL, "")
    text = _HAMZA_SEAT_AFTER_ALEF.sub("ء", text)
    text = text.translate(_FOLD).casefold()
    # Latin accents folded too, so "Tanger-Tétouan" matches "tetouan".
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip()
