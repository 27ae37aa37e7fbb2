"""What people do in the forum: start a thread, reply, edit their message; what the coordinators do: lock and pin.

Each act checks the rules (rules.py) and refuses with a reason written for the person (ForumRefused). A reply
updates the thread's reply count and last-reply time in its own transaction, with an UPDATE of the counters (two
replies at once both count). Followers of the thread are told of a reply, mentioned members of the message that
names them; nobody who may not read the category is told anything.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from infitah.core.permissions import Refused, require
from infitah.forum import text
from infitah.forum.membership import standing_of
from infitah.forum.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, Category, Post, Thread
from infitah.forum.selectors import forum_members
from infitah.participation.audit import audit
from infitah.participation.follows import follow_quietly
from infitah.participation.notifications import followers_of, notify
from infitah.participation.text import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from infitah.accounts.models import User
    from infitah.events.models import Event
    from infitah.programs.models import Commitment

# Mentions in one message that are notified (the rest stay text): a message cannot page the whole network.
MENTIONS_NOTIFIED = 20
# New messages (threads and replies) one person may write in RATE_WINDOW.
RATE_LIMIT = 10
RATE_WINDOW = datetime.timedelta(minutes=10)


class ForumRefused(Refused):
    """A forum act was refused; `reason` says why."""


def over_rate_limit(recent_messages: int, limit: int = RATE_LIMIT) -> bool:
    return recent_messages >= limit


def _check_rate(author: User, now: datetime.datetime) -> None:
    since = now - RATE_WINDOW
    recent = (
        Thread.objects.filter(author=author, created_at__gte=since).count()
        + Post.objects.filter(author=author, created_at__gte=since).count()
    )
    if over_rate_limit(recent):
        raise ForumRefused(
            _("You have written many messages in the last few minutes. Wait a little before writing again.")
        )


def _written_for(author: User, collectivity_id: int | None) -> int | None:
    """The collectivity `author` writes for: one of theirs (a coordinator may write for the network: None)."""
    standing = standing_of(author)
    if collectivity_id is None:
        if standing.coordinator or author.is_superuser or not standing.collectivity_ids:
            return None
        if len(standing.collectivity_ids) == 1:
            return next(iter(standing.collectivity_ids))
        raise ForumRefused(_("Choose the collectivity you write for."))
    if collectivity_id not in standing.collectivity_ids:
        raise ForumRefused(_("You may only write for a collectivity you belong to."))
    return collectivity_id


def _require_post(author: User, obj: Any) -> None:
    try:
        require(author, "forum.post", obj)
    except Refused as refused:
        raise ForumRefused(refused.reason) from None


def start_thread(
    author: User,
    category: Category,
    title: str,
    body: str,
    *,
    collectivity_id: int | None = None,
    commitment: Commitment | None = None,
    event: Event | None = None,
    practice_id: int | None = None,
    now: datetime.datetime | None = None,
) -> Thread:
    _require_post(author, category)
    now = now or timezone.now()
    title = clean_text(title, max_length=TITLE_MAX_LENGTH)
    body = clean_text(body, max_length=BODY_MAX_LENGTH)
    written_for = _written_for(author, collectivity_id)
    with transaction.atomic():
        _check_rate(author, now)
        thread = Thread.objects.create(
            category=category,
            title=title,
            body=body,
            author=author,
            collectivity_id=written_for,
            commitment=commitment,
            event=event,
            practice_id=practice_id,
            created_at=now,
            last_activity_at=now,
        )
        follow_quietly(author, thread)
        _notify_mentions(author, thread, body, exclude=())
    return thread


def reply(
    author: User,
    thread: Thread,
    body: str,
    *,
    collectivity_id: int | None = None,
    reply_to: Post | None = None,
    now: datetime.datetime | None = None,
) -> Post:
    _require_post(author, thread)
    if thread.is_locked:
        raise ForumRefused(_("This thread is locked: it takes no more replies."))
    if reply_to is not None and reply_to.thread_id != thread.pk:
        raise ForumRefused(_("You can only reply to a message of this thread."))
    now = now or timezone.now()
    body = clean_text(body, max_length=BODY_MAX_LENGTH)
    written_for = _written_for(author, collectivity_id)
    with transaction.atomic():
        _check_rate(author, now)
        # Locked in the meantime? The row lock makes the check and the count one step.
        current = Thread.objects.select_for_update().only("is_locked").get(pk=thread.pk)
        if current.is_locked:
            raise ForumRefused(_("This thread is locked: it takes no more replies."))
        post = Post.objects.create(
            thread=thread, author=author, collectivity_id=written_for, body=body, reply_to=reply_to, created_at=now
        )
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=F("reply_count") + 1, last_reply_at=now, last_activity_at=now
        )
        follow_quietly(author, thread)
        mentioned = _notify_mentions(author, thread, body, exclude=())
        notify(
            "forum_reply", thread, actor=author, recipients=_readers(followers_of(thread), thread), exclude=mentioned
        )
    return post


def _readers(people: QuerySet[User], thread: Thread) -> QuerySet[User]:
    """Those of `people` who may read `thread`: all of them in a public category, else the members (one query)."""
    return people.filter(pk__in=forum_members().values("pk")) if thread.category.members_only else people


def _notify_mentions(author: User, thread: Thread, body: str, exclude: Iterable[User]) -> list[User]:
    """Tell the members `body` mentions who may read the thread; return them (they need no second notice)."""
    ids = text.mentioned_ids(body)
    if not ids:
        return []
    # Only members are named (and every member reads every category): one query, whoever is mentioned.
    people = list(forum_members().filter(pk__in=ids[:MENTIONS_NOTIFIED]))
    notify("forum_mention", thread, actor=author, recipients=people, exclude=exclude)
    return people


def edit(author: User, message: Thread | Post, body: str, title: str | None = None) -> Thread | Post:
    """The author rewrites their message within the edit window; the page then says it was edited."""
    try:
        require(author, "forum.edit", message)
    except Refused as refused:
        raise ForumRefused(refused.reason) from None
    message.body = clean_text(body, max_length=BODY_MAX_LENGTH)
    fields = ["body", "edited_at"]
    if isinstance(message, Thread) and title is not None:
        message.title = clean_text(title, max_length=TITLE_MAX_LENGTH)
        fields.append("title")
    message.edited_at = timezone.now()
    message.save(update_fields=fields)
    return message


def set_locked(moderator: User, thread: Thread, locked: bool) -> Thread:
    return _flag(moderator, thread, "is_locked", locked)


def set_pinned(moderator: User, thread: Thread, pinned: bool) -> Thread:
    return _flag(moderator, thread, "is_pinned", pinned)


def _flag(moderator: User, thread: Thread, field: str, value: bool) -> Thread:
    try:
        require(moderator, "forum.moderate", thread)
    except Refused as refused:
        raise ForumRefused(refused.reason) from None
    before = getattr(thread, field)
    with transaction.atomic():
        setattr(thread, field, value)
        thread.save(update_fields=[field])
        audit(moderator, f"forum.{field.removeprefix('is_')}", thread, {field: [before, value]})
    return thread


def mentionable(thread_or_category: Any, query: str, limit: int = 10) -> list[tuple[int, str]]:
    """Members whose name contains `query`, for the mention picker: (id, display name)."""
    query = (query or "").strip()[:100]
    if len(query) < 2:
        return []
    return [(person.pk, person.display_name) for person in forum_members().filter(full_name__icontains=query)[:limit]]
