"""News items in every state the rules distinguish, each with explicit dates (no clock in the assertions)."""

import datetime

from django.utils import timezone

from infitah.news.models import NewsItem
from infitah.news.states import NewsStatus

NOW = timezone.make_aware(datetime.datetime(2024, 3, 13, 12, 0))  # a Wednesday


def news_item(collectivity=None, *, status=NewsStatus.PUBLISHED, published_at=None, **fields):
    """A news item as stored (the services are tested on their own): published a day ago unless told."""
    if status == NewsStatus.PUBLISHED and published_at is None:
        published_at = timezone.now() - datetime.timedelta(days=1)
    fields.setdefault("title", {"ar": "خبر", "fr": "Une nouvelle"})
    fields.setdefault("summary", {"fr": "Résumé"})
    return NewsItem.objects.create(collectivity=collectivity, status=status, published_at=published_at, **fields)


def draft(collectivity=None, **fields):
    return news_item(collectivity, status=NewsStatus.DRAFT, **fields)


def scheduled(collectivity=None, **fields):
    return news_item(collectivity, published_at=timezone.now() + datetime.timedelta(days=3), **fields)


def withdrawn(collectivity=None, **fields):
    fields.setdefault("published_at", timezone.now() - datetime.timedelta(days=2))
    return news_item(collectivity, status=NewsStatus.WITHDRAWN, **fields)
