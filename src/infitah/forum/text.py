"""A forum message's text: plain text people type, shown with its paragraphs, its links made clickable and its
mentions of members.

A mention is written `@[Display name](user:42)` (the form's member picker inserts it). It names a member when 42
is a member who may read where the message is; otherwise it is shown as the plain text "@Display name". Everything
people typed is escaped, and the result passes through nh3 with only the few tags the rendering itself produces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import nh3
from django.utils.html import escape, format_html, urlize
from django.utils.safestring import SafeString, mark_safe

MENTION = re.compile(r"@\[([^\[\]\n]{1,150})\]\(user:(\d{1,12})\)")
_PLACEHOLDER = "\ue000{}\ue001"
_PLACEHOLDER_RE = re.compile("\ue000(\\d+)\ue001")
_PARAGRAPHS = re.compile(r"\n\s*\n")

ALLOWED_TAGS = {"p", "br", "a", "strong", "bdi"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "strong": {"class"}, "bdi": set()}


def mentioned_ids(text: str) -> list[int]:
    """The ids named by mentions in `text`, in order, each once."""
    seen: dict[int, None] = {}
    for match in MENTION.finditer(text or ""):
        seen.setdefault(int(match.group(2)), None)
    return list(seen)


def mention(name: str, user_id: int) -> str:
    """The text a picker inserts for a member (brackets in a name would end the mention early: dropped)."""
    clean = re.sub(r"[\[\]\n]", "", name).strip()[:150] or str(user_id)
    return f"@[{clean}](user:{user_id})"


def render(text: str, members: dict[int, str] | None = None) -> SafeString:
    """`text` as HTML paragraphs. `members` maps the ids of mentions that name a member to their display name."""
    members = members or {}
    pieces: list[str] = []

    def hold(match: re.Match[str]) -> str:
        user_id = int(match.group(2))
        if user_id in members:
            html = format_html('<strong class="mention"><bdi>@{}</bdi></strong>', members[user_id])
        else:
            html = escape(f"@{match.group(1)}")
        pieces.append(html)
        return _PLACEHOLDER.format(len(pieces) - 1)

    held = MENTION.sub(hold, (text or "").replace("\r\n", "\n").replace("\ue000", "").replace("\ue001", ""))
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(held.strip()):
        if not paragraph.strip():
            continue
        linked = urlize(paragraph.strip(), nofollow=True, autoescape=True).replace("\n", "<br>")
        paragraphs.append("<p>" + _PLACEHOLDER_RE.sub(lambda m: pieces[int(m.group(1))], linked) + "</p>")
    html = nh3.clean(
        "\n".join(paragraphs), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"}
    )
    return mark_safe(html)  # noqa: S308 - escaped above, then cleaned by nh3 to the tags listed


def plain(text: str) -> str:
    """`text` with mentions as "@name", for e-mails, search and the API."""
    return MENTION.sub(lambda match: f"@{match.group(1)}", text or "")


def names_in(texts: Iterable[str]) -> set[int]:
    ids: set[int] = set()
    for text in texts:
        ids.update(mentioned_ids(text))
    return ids
