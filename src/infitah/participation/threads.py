"""A thread read a page at a time, and its counts kept in step with its writes.

A page holds `PAGE_SIZE` comments that answer no other (oldest first, as always), each with its first
`REPLIES_SHOWN` replies; more replies are a link to a page of that comment's replies, shaped the same way. So a
page costs the same few queries for 50 comments or 5,000: the heading's count is `CommentTally` (one row), a
comment's "12 more replies" is its `reply_count`, and both move in the transaction that writes, hides, restores or
deletes a comment.

The place is said in the query string of the page that shows the thread, so it works without JavaScript:
`?comments_page=2`, `?replies_to=<id>&comments_page=2`, and `?comment=<id>` (a permalink: the page holding it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.http import QueryDict

from infitah.core import quicksql
from infitah.participation.models import Comment, CommentTally
from infitah.participation.targets import content_type_of

PAGE_SIZE = 50
REPLIES_SHOWN = 3
PLACE_PARAMETERS = ("comments_page", "replies_to", "comment")
ORDER = ("created_at", "pk")


@dataclass
class Place:
    """Where in a thread a reader is: a page of the comments answering `parent` (None: the thread itself)."""

    page: int = 1
    parent_id: int | None = None


@dataclass
class ThreadPage:
    """What one page of a thread shows: `comments` (each with `shown_replies` and `more_replies`), and links."""

    comments: list[Any] = field(default_factory=list)
    visible_count: int = 0
    page: int = 1
    has_next: bool = False
    parent: Any = None  # the comment whose replies this page shows

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def page_number(value: Any) -> int:
    """A page number from the query string: anything odd is the first page, never an error."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 1_000_000 else 1


def comment_id(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def page_of(position: int) -> int:
    """The page holding the comment at `position` (0 = the first) of its list."""
    return position // PAGE_SIZE + 1


def _on(obj: Any) -> Q:
    return Q(content_type=content_type_of(obj), object_id=obj.pk)


def place_in(obj: Any, query: Mapping[str, Any]) -> Place:
    """Where the query string puts the reader of `obj`'s thread; a permalink costs two queries, a page none."""
    wanted = comment_id(query.get("comment"))
    if wanted is not None:
        comment = Comment.objects.filter(_on(obj), pk=wanted).only(*ORDER, "parent_id").first()
        if comment is not None:
            return _place_of(obj, comment)
    return Place(page=page_number(query.get("comments_page")), parent_id=comment_id(query.get("replies_to")))


def _place_of(obj: Any, comment: Comment) -> Place:
    # Its position among its siblings: those written before it, in the thread's order.
    before = Q(created_at__lt=comment.created_at) | Q(created_at=comment.created_at, pk__lt=comment.pk)
    siblings = Comment.objects.filter(_on(obj), parent_id=comment.parent_id)
    parent_id = comment.parent_id
    if parent_id is not None:
        position = siblings.filter(before).count()
        if position < REPLIES_SHOWN:
            # The first replies show under their parent on the parent's own page.
            parent = Comment.objects.filter(pk=parent_id).only(*ORDER, "parent_id").get()
            return _place_of(obj, parent)
        return Place(page=page_of(position), parent_id=parent_id)
    return Place(page=page_of(siblings.filter(before).count()))


def thread_page(obj: Any, place: Place, visible_count: int | None = None) -> ThreadPage:
    """The page of `obj`'s thread at `place`: three queries (the count, the comments, their first replies)."""
    parent = None
    if place.parent_id is not None:
        parent = Comment.objects.filter(_on(obj), pk=place.parent_id).select_related("author").first()
        if parent is None:
            place = Place(page=place.page)
    start = (place.page - 1) * PAGE_SIZE
    rows = list(
        Comment.objects.filter(_on(obj), parent=parent)
        .select_related("author")
        .order_by(*ORDER)[start : start + PAGE_SIZE + 1]
    )
    comments = rows[:PAGE_SIZE]
    _attach_first_replies(comments)
    return ThreadPage(
        comments=comments,
        visible_count=visible_comment_count(obj) if visible_count is None else visible_count,
        page=place.page,
        has_next=len(rows) > PAGE_SIZE,
        parent=parent,
    )


def _attach_first_replies(comments: list[Any]) -> None:
    """Set `shown_replies` (the first REPLIES_SHOWN) and `more_replies` on each comment, in one query."""
    by_id = {comment.pk: comment for comment in comments}
    for comment in comments:
        comment.shown_replies = []
    if comments:  # asked even when none has replies: a page's cost does not depend on its readers' replies
        rank = Window(RowNumber(), partition_by=F("parent_id"), order_by=[F("created_at").asc(), F("pk").asc()])
        replies: Any = (  # rows that get attributes of the page
            Comment.objects.filter(parent_id__in=list(by_id))
            .select_related("author")
            .annotate(rank=rank)
            .filter(rank__lte=REPLIES_SHOWN)
            .order_by(*ORDER)
        )
        for reply in replies:
            reply.shown_replies = []
            reply.more_replies = reply.reply_count
            by_id[reply.parent_id].shown_replies.append(reply)
    for comment in comments:
        comment.more_replies = max(comment.reply_count - len(comment.shown_replies), 0)


def visible_comment_count(obj: Any) -> int:
    """The visible comments on `obj` (one row read, never a count of the thread)."""
    annotated = getattr(obj, "comment_count", None)
    if annotated is not None:
        return int(annotated)
    row = CommentTally.objects.filter(_on(obj)).values_list("visible", flat=True).first()
    return row or 0


def has_written_on(user: Any, obj: Any) -> bool:
    """Whether `user` wrote any comment or reply on `obj`'s thread, hidden ones included (one indexed query)."""
    return bool(quicksql.count(Comment, content_type=content_type_of(obj).pk, object_id=obj.pk, author=user.pk))


def link_to(path_with_query: str, **place: Any) -> str:
    """`path_with_query` with the thread's place replaced by `place` (values None dropped)."""
    parts = urlsplit(path_with_query)
    query = QueryDict(parts.query, mutable=True)
    for name in PLACE_PARAMETERS:
        query.pop(name, None)
    for name, value in place.items():
        if value is not None:
            query[name] = str(value)
    return urlunsplit(("", "", parts.path, query.urlencode(), ""))


def permalink(path_with_query: str, comment_pk: int) -> str:
    """Where to show `comment_pk` on the page `path_with_query` (e.g. after writing it): the page holding it."""
    return f"{link_to(path_with_query, comment=comment_pk)}#comment-{comment_pk}"


# --- keeping the counts in step (each called inside the writing transaction) ---


def _tally_add(content_type_id: int, object_id: int, delta: int) -> None:
    tally, _created = CommentTally.objects.get_or_create(content_type_id=content_type_id, object_id=object_id)
    CommentTally.objects.filter(pk=tally.pk).update(visible=F("visible") + delta)


def counted_new(comment: Comment) -> None:
    """A comment was just written: one more visible comment, and one more reply under its parent."""
    _tally_add(comment.content_type_id, comment.object_id, +1)
    if comment.parent_id is not None:
        Comment.objects.filter(pk=comment.parent_id).update(reply_count=F("reply_count") + 1)


def counted_visibility(comment: Comment, visible: bool) -> None:
    """A moderator hid (`visible` False) or restored a comment."""
    _tally_add(comment.content_type_id, comment.object_id, +1 if visible else -1)


def counted_removal(comment: Comment) -> None:
    """A comment was deleted (the admin, or its parent's deletion)."""
    if not comment.is_hidden:
        _tally_add(comment.content_type_id, comment.object_id, -1)
    if comment.parent_id is not None:
        Comment.objects.filter(pk=comment.parent_id, reply_count__gt=0).update(reply_count=F("reply_count") - 1)


def recount(obj: Any) -> None:
    """Set `obj`'s counts from its rows (comments made in bulk, outside the services): a full count, once."""
    on = _on(obj)
    visible = Comment.objects.filter(on, is_hidden=False).count()
    CommentTally.objects.update_or_create(
        content_type=content_type_of(obj), object_id=obj.pk, defaults={"visible": visible}
    )
    counts: dict[int, int] = {}
    for parent_id in Comment.objects.filter(on, parent__isnull=False).values_list("parent_id", flat=True):
        counts[parent_id] = counts.get(parent_id, 0) + 1
    stale = Comment.objects.filter(on).exclude(pk__in=list(counts)).exclude(reply_count=0)
    stale.update(reply_count=0)
    for parent_id, count in counts.items():
        Comment.objects.filter(pk=parent_id).exclude(reply_count=count).update(reply_count=count)
