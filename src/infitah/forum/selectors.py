"""The querysets the forum's pages, API and other apps read: each costs a fixed number of queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from infitah.accounts.models import COLLECTIVITY_ROLES, Representative, Role, RoleAssignment
from infitah.bodies.models import BodyMember
from infitah.forum import text
from infitah.forum.membership import is_member
from infitah.forum.models import Category, Post, Thread
from infitah.territories.models import Membership

if TYPE_CHECKING:
    from infitah.accounts.types import Viewer

POSTS_PER_PAGE = 30
THREADS_PER_PAGE = 25


def reads_members_only(user: Viewer) -> bool:
    return is_member(user) or getattr(user, "is_superuser", False)


def categories_for(user: Viewer) -> QuerySet[Category]:
    """The categories `user` reads (members-only ones are named to members only)."""
    categories = Category.objects.all()
    return categories if reads_members_only(user) else categories.filter(members_only=False)


def threads_for(user: Viewer) -> QuerySet[Thread]:
    """The threads `user` may see listed: in a category they read; hidden ones are not listed."""
    return Thread.objects.filter(category__in=categories_for(user), is_hidden=False)


def listed(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    return threads.select_related("category", "author", "collectivity").order_by(
        "-is_pinned", "-last_activity_at", "-pk"
    )


def public_threads() -> QuerySet[Thread]:
    """What anyone may read: the search, the API, the sitemap and the commitment page read only these."""
    return Thread.objects.public()


def thread_page_posts(thread: Thread) -> QuerySet[Post]:
    return thread.posts.select_related("author", "collectivity", "reply_to__author").order_by("pk")


def page_of(post: Post, per_page: int = POSTS_PER_PAGE) -> int:
    """The page of its thread that shows `post` (one query on the (thread, id) index)."""
    before = Post.objects.filter(thread_id=post.thread_id, pk__lt=post.pk).count()
    return before // per_page + 1


def _member_collectivities() -> QuerySet:
    return Membership.objects.current().values("collectivity_id")


def forum_members() -> QuerySet:
    """Every active member of the forum (membership.py says who), as one query."""
    members = _member_collectivities()
    coordinator = RoleAssignment.objects.filter(user=OuterRef("pk"), role=Role.NETWORK_COORDINATOR)
    staff = RoleAssignment.objects.filter(
        user=OuterRef("pk"), role__in=list(COLLECTIVITY_ROLES), collectivity_id__in=members
    )
    representative = Representative.objects.filter(
        user=OuterRef("pk"), association__is_verified=True, association__seat_id__in=members
    )
    seat = BodyMember.objects.active().filter(user=OuterRef("pk"), body__collectivity_id__in=members)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(Exists(coordinator)) | Q(Exists(staff)) | Q(Exists(representative)) | Q(Exists(seat)))
        .order_by("full_name", "pk")
    )


def mentioned_members(texts: list[str]) -> dict[int, str]:
    """The ids mentioned in `texts` that are members, with their display names (one query, or none)."""
    ids = text.names_in(texts)
    if not ids:
        return {}
    return {person.pk: person.display_name for person in forum_members().filter(pk__in=ids)}


def commitment_section_context(commitment: Any, user: Viewer) -> dict[str, Any]:
    """A commitment's page: the public threads that discuss it ("discussed in the forum"); nothing when none. Public
    ones only, whoever reads: the page is the commitment's public record (and a copy of it may serve other readers);
    members find the members-only threads in the forum."""
    threads = list(listed(public_threads().filter(commitment=commitment))[:10])
    return {"threads": threads} if threads else {}


def linkable_commitments() -> QuerySet:
    """Commitments a thread may link: those of public programs (a thread may be public: it must not name a draft)."""
    from infitah.programs.models import Commitment

    return (
        Commitment.objects.public()
        .select_related("program__collectivity")
        .order_by("program__collectivity__code", "pk")
    )


def linkable_events() -> QuerySet:
    from infitah.events.models import Event

    return Event.objects.published().select_related("collectivity").order_by("-starts_at", "pk")


SEARCH_TEXT_LIMIT = 5000


def search_text(thread: Thread) -> str:
    """What the search indexes of a thread: its opening message (bounded; replies are not indexed)."""
    return text.plain(thread.body)[:SEARCH_TEXT_LIMIT]


MEMBER_SECTION_LATEST = 5


def member_section_power_state(request: Any, _collectivity: Any) -> str:
    """What the block shows a reader depends on among their powers: whether they read the members-only threads."""
    return "members" if reads_members_only(request.user) else ""


def member_section_context(request: Any, collectivity: Any) -> dict[str, Any]:
    """A member's page: the latest threads written for it that the reader may see (one query; hidden when none)."""
    threads = list(listed(threads_for(request.user).filter(collectivity=collectivity))[:MEMBER_SECTION_LATEST])
    return {"threads": threads} if threads else {}
