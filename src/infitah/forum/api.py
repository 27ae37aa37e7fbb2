"""Public, read-only data of the forum under /api/v1/: the public categories, their threads (never hidden, never of a
members-only category) and a thread's replies, paged. A hidden reply keeps its place and its date; its text and
author are not served. Each answer costs a fixed number of queries (tests/forum/test_api.py)."""

import datetime
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.core.site import site_link
from infitah.forum import selectors, text
from infitah.forum.models import Category, Post, Thread

router = AppRouter("forum", tags=["forum"])

Slug = Annotated[str, Field(max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")]


class CategoryOut(Schema):
    slug: str
    name: Translated
    description: Translated
    order: int


class ThreadOut(Schema):
    id: int
    category: str = Field(description="The category's slug")
    title: str
    body: str = Field(description="Plain text; mentions written as @name")
    author: str = Field(description="The author's public name")
    collectivity_code: str | None = Field(description="The collectivity the author wrote for; null: the network")
    commitment_id: int | None
    event_id: int | None
    is_locked: bool
    is_pinned: bool
    reply_count: int
    created_at: datetime.datetime
    last_activity_at: datetime.datetime
    url: str

    @staticmethod
    def resolve_category(obj: Thread) -> str:
        return obj.category.slug

    @staticmethod
    def resolve_body(obj: Thread) -> str:
        return text.plain(obj.body)

    @staticmethod
    def resolve_author(obj: Thread) -> str:
        return obj.author.display_name

    @staticmethod
    def resolve_collectivity_code(obj: Thread) -> str | None:
        return obj.collectivity.code if obj.collectivity else None

    @staticmethod
    def resolve_url(obj: Thread) -> str:
        return site_link(obj.get_absolute_url())


class PostOut(Schema):
    id: int
    is_hidden: bool
    body: str = Field(description="Empty when the moderators hid the reply")
    author: str = Field(description="Empty when the moderators hid the reply")
    created_at: datetime.datetime
    edited_at: datetime.datetime | None
    url: str

    @staticmethod
    def resolve_body(obj: Post) -> str:
        return "" if obj.is_hidden else text.plain(obj.body)

    @staticmethod
    def resolve_author(obj: Post) -> str:
        return "" if obj.is_hidden else obj.author.display_name

    @staticmethod
    def resolve_url(obj: Post) -> str:
        return site_link(obj.get_absolute_url())


def _public_categories() -> QuerySet[Category]:
    return Category.objects.filter(members_only=False).order_by("order", "slug")


@router.paged(
    "forum/categories", CategoryOut, summary="The forum's public categories", ordering={"id": "pk", "order": "order"}
)
def list_categories(request: HttpRequest) -> QuerySet[Category]:
    return _public_categories()


@router.paged(
    "forum/threads",
    ThreadOut,
    summary="Threads of the public categories, latest activity first",
    ordering={"id": "pk", "title": "title", "created": "created_at", "last_activity_at": "last_activity_at"},
)
def list_threads(
    request: HttpRequest,
    category: Slug | None = Query(None, description="Only the threads of the category with this slug"),
    collectivity: Code | None = Query(None, description="Only the threads written for the collectivity with this code"),
) -> QuerySet[Thread]:
    threads = selectors.listed(selectors.public_threads())
    if category:
        threads = threads.filter(category__slug=category)
    if collectivity:
        threads = threads.filter(collectivity__code=collectivity)
    return threads


@router.one("forum/threads/{thread_id}", ThreadOut, summary="One thread of a public category")
def get_thread(request: HttpRequest, thread_id: Id) -> Thread:
    return first_or_404(
        selectors.listed(selectors.public_threads()).filter(pk=thread_id),
        _("There is no public forum thread with the id %(id)s.") % {"id": thread_id},
    )


@router.paged(
    "forum/threads/{thread_id}/posts",
    PostOut,
    summary="A public thread's replies, oldest first",
    not_found=True,
    ordering={"id": "pk", "created": "created_at"},
)
def list_posts(request: HttpRequest, thread_id: Id) -> QuerySet[Post]:
    thread = first_or_404(
        selectors.public_threads().filter(pk=thread_id),
        _("There is no public forum thread with the id %(id)s.") % {"id": thread_id},
    )
    return thread.posts.select_related("author").order_by("pk")
