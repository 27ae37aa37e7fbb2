"""The querysets participation pages need, built in one place with a fixed number of queries.

A thread is read with one query whatever its size and assembled in Python; lists of objects get their
counts (supports, comments) and the viewer's own support and follow as annotations, not one query a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from infitah.participation.models import Comment, Follow, ModerationLogEntry, Notification, Support
from infitah.participation.targets import content_type_of

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.territories.models import Collectivity


@dataclass
class Thread:
    """The comments on one object: `roots` in order, each with its `replies` (and theirs) in order."""

    roots: list = field(default_factory=list)
    count: int = 0
    visible_count: int = 0


def build_thread(comments: Sequence[Any]) -> Thread:
    """Assemble a thread from a flat list of comments in chronological order (no query)."""
    thread = Thread()
    by_id: dict[int, Any] = {}
    for comment in comments:
        comment.thread_replies = []
        by_id[comment.pk] = comment
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        if parent is not None:
            comment.depth = parent.depth + 1
            parent.thread_replies.append(comment)
        else:
            comment.depth = 0
            thread.roots.append(comment)
        thread.count += 1
        thread.visible_count += not comment.is_hidden
    return thread


def _comments(content_type: ContentType, object_ids: Iterable[Any]) -> QuerySet[Comment]:
    return (
        Comment.objects.filter(content_type=content_type, object_id__in=object_ids)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def comment_thread(obj: Model) -> Thread:
    """The thread on `obj`, in one query."""
    return build_thread(list(_comments(content_type_of(obj), [obj.pk])))


def attach_threads(objects: Iterable[Any]) -> list[Any]:
    """Set `obj.comment_thread` on each of `objects` (all of one model) with one query in all."""
    objects = list(objects)
    if not objects:
        return objects
    grouped: dict[Any, list[Comment]] = {obj.pk: [] for obj in objects}
    for comment in _comments(content_type_of(objects[0]), list(grouped)):
        grouped[comment.object_id].append(comment)
    for obj in objects:
        obj.comment_thread = build_thread(grouped[obj.pk])
    return objects


def _count_of(model: Any, content_type: ContentType, **filters: Any) -> Coalesce:
    rows = (
        model.objects.filter(content_type=content_type, object_id=OuterRef("pk"), **filters)
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_participation(queryset: QuerySet[Any], user: Viewer = None) -> QuerySet[Any]:
    """Annotate each row with `support_count`, `comment_count` (visible comments) and, for a signed-in
    `user`, `supported_by_me` and `followed_by_me`; the template tags read these instead of querying."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    queryset = queryset.annotate(
        support_count=_count_of(Support, content_type),
        comment_count=_count_of(Comment, content_type, is_hidden=False),
    )
    if user is not None and user.is_authenticated:
        mine = {"content_type": content_type, "object_id": OuterRef("pk"), "user": user}
        queryset = queryset.annotate(
            supported_by_me=Exists(Support.objects.filter(**mine)),
            followed_by_me=Exists(Follow.objects.filter(**mine)),
        )
    else:
        queryset = queryset.annotate(supported_by_me=Value(False), followed_by_me=Value(False))
    return queryset


def moderation_log(collectivity: Collectivity | None = None) -> QuerySet[ModerationLogEntry]:
    """The public moderation log of a collectivity (or of the network's own items when None)."""
    entries = ModerationLogEntry.objects.select_related("content_type", "collectivity")
    if collectivity is None:
        return entries.filter(collectivity__isnull=True)
    return entries.filter(collectivity=collectivity)


def load_places(entries: Iterable[ModerationLogEntry]) -> list[ModerationLogEntry]:
    """Load what each log entry is about and the page it sits on, a few queries per kind of object."""
    from django.db.models import prefetch_related_objects

    from infitah.participation.moderation import BUILT_IN

    entries = list(entries)
    prefetch_related_objects(entries, "target")
    inner = [entry.target for entry in entries if isinstance(entry.target, BUILT_IN)]
    by_model: dict[type, list[Any]] = {}
    for obj in inner:
        by_model.setdefault(type(obj), []).append(obj)
    for objects in by_model.values():
        prefetch_related_objects(objects, "target")
    return entries


def inbox(user: User) -> QuerySet[Notification]:
    """A person's notifications, newest first, with what they are about (one query per kind of object)."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor", "content_type")
        .prefetch_related("target")
        .order_by("-created_at", "-pk")
    )
