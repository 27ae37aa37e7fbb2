"""A news item's body as HTML: the text people typed, escaped, cut into paragraphs, web addresses made links.

Nothing typed is ever taken for markup: the text is escaped first (Django's urlize with autoescape), then only
<p>, <br> and <a rel="nofollow noopener"> are added; nh3 then keeps exactly those, as a second lock.
"""

import re

import nh3
from django.utils.html import urlize
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def render_body(text: str) -> SafeString:
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split((text or "").replace("\r\n", "\n"))]
    html = "".join(
        "<p>{}</p>".format(urlize(paragraph, nofollow=True, autoescape=True).replace("\n", "<br>"))
        for paragraph in paragraphs
        if paragraph
    )
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return mark_safe(cleaned)  # noqa: S308 - escaped by urlize, then only p/br/a kept by nh3
