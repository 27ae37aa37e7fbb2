"""Plain text typed by people: tags stripped, scripts dropped, length checked with the limit in the message.

Text is stored as plain text (never HTML) and escaped by the templates when shown, so what a person typed
reads back exactly, `a < b` included, while `<script>` never reaches a page.
"""

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from infitah.core.text import strip_bidi_controls

COMMENT_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000

# Control characters other than tab and newline; they only ever hide or garble text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Text this much longer than the limit is refused before parsing: no markup shrinks it back under the limit
# in a legitimate message, and it spares the parser a megabyte of junk.
_RAW_FACTOR = 4


def plain_text(value: str | None) -> str:
    """Strip every tag (the content of <script> and <style> goes with it) and return the text unescaped."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    stripped = nh3.clean(value, tags=set(), attributes={}, strip_comments=True)
    text = html.unescape(stripped)
    text = strip_bidi_controls(_CONTROL.sub("", text))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def clean_text(value: str | None, *, max_length: int = COMMENT_MAX_LENGTH, required: bool = True) -> str:
    """The plain text of `value`, or a ValidationError saying what is wrong and, when too long, the limit."""
    raw = value or ""
    if len(raw) > max_length * _RAW_FACTOR:
        raise too_long(len(raw), max_length)
    text = plain_text(raw)
    if required and not text:
        if raw.strip():
            raise ValidationError(
                _("Only markup was left once HTML tags were removed: write your text in plain words."),
                code="only_markup",
            )
        raise ValidationError(_("Write something first: the text is empty."), code="required")
    if len(text) > max_length:
        raise too_long(len(text), max_length)
    return text


def too_long(length: int, limit: int) -> ValidationError:
    return ValidationError(
        _("The text is too long: %(length)d characters, the limit is %(limit)d."),
        params={"length": length, "limit": limit},
        code="max_length",
    )
