"""What a reader is shown of a thread and its replies: the rendered text when they may read it, else the fact that
the moderators hid it and why. A hidden message's text is never rendered for someone who may not read it (the
template then has nothing to leak)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString

from infitah.core.permissions import can
from infitah.core.predicates import signed_in
from infitah.forum import selectors, text
from infitah.forum.models import Post, Thread
from infitah.participation.rules import may_read_text


@dataclass(frozen=True)
class Shown:
    message: Thread | Post
    readable: bool
    html: SafeString | str
    title: str = ""
    editable: bool = False


def present(user: Any, thread: Thread, posts: list[Post]) -> tuple[Shown, list[Shown]]:
    """The opening message and the replies as `user` sees them; mentions resolved in one query."""
    thread_readable = may_read_text(user, thread)
    readable = {post.pk: thread_readable and may_read_text(user, post) for post in posts}
    texts = ([thread.body] if thread_readable else []) + [post.body for post in posts if readable[post.pk]]
    members = selectors.mentioned_members(texts)
    opening = Shown(
        thread,
        thread_readable,
        text.render(thread.body, members) if thread_readable else "",
        thread.title if thread_readable else "",
        editable=signed_in(user) and can(user, "forum.edit", thread),
    )
    shown = [
        Shown(
            post,
            readable[post.pk],
            text.render(post.body, members) if readable[post.pk] else "",
            editable=signed_in(user) and can(user, "forum.edit", post),
        )
        for post in posts
    ]
    return opening, shown
