"""Snippets: a window of a result's text around the first words the query looks for, those words marked.

Built from escaped pieces only (`format_html`/`conditional_escape`): the text is what people wrote.
"""

import re

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from infitah.search.terms import Query, words

# A word as written: letters and digits, with the Arabic diacritics and tatweel inside it.
_WRITTEN_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed])+")
WINDOW = 240


def marked(text: str, query: Query) -> SafeString:
    """`text` escaped, the words the query looks for in <mark>."""
    pieces, last = [], 0
    for written in _WRITTEN_WORD.finditer(text):
        if any(query.matches(word) for word in words(written.group())):
            pieces.append(conditional_escape(text[last : written.start()]))
            pieces.append(format_html("<mark>{}</mark>", written.group()))
            last = written.end()
    pieces.append(conditional_escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


def snippet(text: str, query: Query, width: int = WINDOW) -> SafeString:
    """About `width` characters of `text` around its first matching word (its beginning when none), marked."""
    text = " ".join(text.split())
    start = 0
    for written in _WRITTEN_WORD.finditer(text):
        if any(query.matches(word) for word in words(written.group())):
            start = max(0, written.start() - width // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < written.start() else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = marked(text[start:end], query)
    return format_html("{}{}{}", "… " if start else "", piece, " …" if end < len(text) else "")
