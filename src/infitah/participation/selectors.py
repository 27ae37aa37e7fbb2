"""The querysets participation pages need, built in one place with a fixed number of queries.

A thread is read a page at a time (participation.threads); lists of objects get their counts (supports, comments)
and the viewer's own support and follow as annotations, not one query a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from infitah.participation.models import CommentTally, Follow, ModerationLogEntry, Notification, Support

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer
    from infitah.territories.models import Collectivity


def _count_of(model: Any, content_type: ContentType, **filters: Any) -> Coalesce:
    rows = (
        model.objects.filter(content_type=content_type, object_id=OuterRef("pk"), **filters)
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _visible_comments(content_type: ContentType) -> Coalesce:
    # The kept count (participation.threads), not a count of each row's thread.
    tally = CommentTally.objects.filter(content_type=content_type, object_id=OuterRef("pk")).values("visible")
    return Coalesce(Subquery(tally[:1], output_field=IntegerField()), Value(0))


def with_participation(queryset: QuerySet[Any], user: Viewer = None) -> QuerySet[Any]:
    """Annotate each row with `support_count`, `comment_count` (visible comments) and, for a signed-in
    `user`, `supported_by_me` and `followed_by_me`; the template tags read these instead of querying."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    queryset = queryset.annotate(
        support_count=_count_of(Support, content_type),
        comment_count=_visible_comments(content_type),
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


def with_reader_state(
    queryset: QuerySet[Any], user: Viewer, *, supports: bool = False, follows: bool = False
) -> QuerySet[Any]:
    """Only what one reader's Support button (`support_count`, `supported_by_me`) or Follow button
    (`followed_by_me`) reads: the few annotations a shared page's part needs (core.sharedpages)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    signed_in = user is not None and user.is_authenticated
    mine = {"content_type": content_type, "object_id": OuterRef("pk"), "user": user}
    if supports:
        queryset = queryset.annotate(
            support_count=_count_of(Support, content_type),
            supported_by_me=Exists(Support.objects.filter(**mine)) if signed_in else Value(False),
        )
    if follows:
        queryset = queryset.annotate(
            followed_by_me=Exists(Follow.objects.filter(**mine)) if signed_in else Value(False)
        )
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
