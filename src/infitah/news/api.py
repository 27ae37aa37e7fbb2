"""Public, read-only news under /api/v1/: published items whose time has come (never a draft, a scheduled or a
withdrawn item), newest first, with the list page's filters; one item with its text. Fixed query counts."""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema

from infitah.api.problems import Code, Id, first_or_404
from infitah.api.routers import AppRouter
from infitah.api.schemas import Translated
from infitah.core.principles import Principle
from infitah.news import selectors
from infitah.news.models import NewsItem

router = AppRouter("news", tags=["news"])


class NewsItemOut(Schema):
    id: int
    publisher: str = Field(description="The publishing collectivity's code, or `network` for the network's own news")
    title: Translated
    summary: Translated
    principles: list[Principle]
    published_at: datetime.datetime
    source_url: str
    has_image: bool
    is_illustrative: bool
    url: str

    @staticmethod
    def resolve_publisher(obj: NewsItem) -> str:
        return obj.collectivity.code if obj.collectivity else selectors.NETWORK

    @staticmethod
    def resolve_has_image(obj: NewsItem) -> bool:
        return bool(obj.image)

    @staticmethod
    def resolve_url(obj: NewsItem) -> str:
        from infitah.core.site import site_link

        return site_link(obj.get_absolute_url())


class NewsItemDetailOut(NewsItemOut):
    body: Translated
    updated_at: datetime.datetime


@router.paged(
    "news",
    NewsItemOut,
    summary="Published news of the network and its members, newest first",
    ordering={"id": "pk", "published_at": "published_at", "updated_at": "updated_at"},
)
def list_news(
    request: HttpRequest,
    publisher: Code | None = Query(None, description="`network`, or a collectivity's code"),
    principle: Principle | None = None,
    year: int | None = Query(None, ge=2015, le=2100, description="Published in this year"),
    updated_since: datetime.datetime | None = Query(None, description="Only the news changed at or after this time"),
) -> QuerySet[NewsItem]:
    news = selectors.filtered(selectors.public_news(), {"publisher": publisher, "principle": principle, "year": year})
    if updated_since:
        if timezone.is_naive(updated_since):
            updated_since = timezone.make_aware(updated_since)
        news = news.filter(updated_at__gte=updated_since)
    return news


@router.one("news/{news_id}", NewsItemDetailOut, summary="One published news item with its text")
def get_news(request: HttpRequest, news_id: Id) -> NewsItem:
    return first_or_404(
        selectors.public_news().filter(pk=news_id),
        _("There is no published news item with the id %(id)s.") % {"id": news_id},
    )
