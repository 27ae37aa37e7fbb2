"""News in the search, the open-data catalogue and the API: only what the public sees (published, its time come)."""

from __future__ import annotations

from django.db.models import QuerySet

from infitah.core.datasets import Column
from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.news.models import NewsItem


def public_rows() -> QuerySet[NewsItem]:
    return NewsItem.objects.published().select_related("collectivity").order_by("published_at", "pk")


def search_text(item: NewsItem) -> str:
    return f"{tr(item.summary)}\n{tr(item.body)}"


def publisher_code(item: NewsItem) -> str:
    return item.collectivity.code if item.collectivity else "network"


COLUMNS = (
    Column("id", lambda item: item.pk),
    Column("publisher", publisher_code),
    Column("title", lambda item: str(item)),
    Column("languages", lambda item: " ".join(sorted(code for code, text in item.title.items() if text))),
    Column("published_at", lambda item: item.published_at.isoformat()),
    Column("principles", lambda item: " ".join(item.principles or ())),
    Column("source_url", lambda item: item.source_url),
    Column("url", lambda item: site_link(item.get_absolute_url())),
    Column("is_illustrative", lambda item: item.is_illustrative),
)
