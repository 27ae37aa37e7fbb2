"""The querysets the news pages, feeds, API and digest read, built in one place (each a fixed number of queries)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.accounts.models import User
from infitah.accounts.roles import collectivities_where, is_network_coordinator
from infitah.news.models import NewsItem, NewsQuerySet
from infitah.news.rules import WRITERS
from infitah.territories.models import Collectivity

NETWORK = "network"  # the `publisher` filter's value for the network's own news
MEMBER_SECTION_LATEST = 3
HOME_SECTION_LATEST = 3


def public_news(now: datetime.datetime | None = None) -> NewsQuerySet:
    return NewsItem.objects.published(now).select_related("collectivity")


def filtered(news: NewsQuerySet, filters: dict[str, Any]) -> NewsQuerySet:
    """Narrow public news by `publisher` (NETWORK or a collectivity code), `principle` and `year`."""
    publisher = filters.get("publisher")
    if publisher == NETWORK:
        news = news.of_network()
    elif publisher:
        news = news.filter(collectivity__code=publisher)
    if filters.get("principle"):
        news = news.with_principle(filters["principle"])
    if filters.get("year"):
        start = timezone.make_aware(datetime.datetime(filters["year"], 1, 1))
        news = news.filter(published_at__gte=start, published_at__lt=start.replace(year=start.year + 1))
    return news


def publishers() -> list[Collectivity]:
    """The collectivities that have published news, for the list's filter (one query)."""
    ids = NewsItem.objects.published().exclude(collectivity=None).values("collectivity_id")
    return list(Collectivity.objects.filter(pk__in=ids).order_by("code"))


def years() -> list[int]:
    dates = NewsItem.objects.published().dates("published_at", "year", order="DESC")
    return [day.year for day in dates]


def feed_link(collectivity: Collectivity | None = None) -> str:
    if collectivity is None:
        return reverse("news:feed")
    return reverse("news:collectivity_feed", args=[collectivity.pk])


def member_section_context(request: HttpRequest, collectivity: Collectivity) -> dict[str, Any]:
    """A member's page: its latest news (one query) and its feed, announced in the page's head."""
    latest = list(public_news().filter(collectivity=collectivity)[:MEMBER_SECTION_LATEST])
    return {
        "collectivity": collectivity,
        "latest": latest,
        "feed_url": feed_link(collectivity),
        "alternate_feeds": [
            {"title": _("News of %(name)s (Atom)") % {"name": collectivity}, "url": feed_link(collectivity)}
        ],
    }


def home_section_context(request: HttpRequest) -> dict[str, Any]:
    """The home page: the network's latest news (one query)."""
    return {"latest": list(public_news().of_network()[:HOME_SECTION_LATEST])}


def manageable(user: User) -> QuerySet[NewsItem]:
    """Every item `user` may manage, whatever its status: their collectivities' and, for a coordinator, the
    network's (platform administrators: all)."""
    items = NewsItem.objects.select_related("collectivity")
    if user.is_superuser:
        return items
    scope = Q(collectivity_id__in=collectivities_where(user, WRITERS))
    if is_network_coordinator(user):
        scope |= Q(collectivity__isnull=True)
    return items.filter(scope)


def writable_publishers(user: User) -> list[Collectivity | None]:
    """Where `user` may publish: None stands for the network."""
    places: list[Collectivity | None] = []
    if user.is_superuser or is_network_coordinator(user):
        places.append(None)
    collectivities = Collectivity.objects.all() if user.is_superuser else None
    if collectivities is None:
        collectivities = Collectivity.objects.filter(pk__in=collectivities_where(user, WRITERS))
    places.extend(collectivities.order_by("code")[:200])
    return places
