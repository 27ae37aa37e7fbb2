"""Atom feeds of published news, in the language of the address they are read at (/ar/, /fr/, /en/...).

`news:feed` holds every published item, the network's and its members' (`?publisher=network` or a collectivity's
code narrows it: the list page's filter gives its own feed); `news:collectivity_feed` holds one member's. Never a
draft, a scheduled or a withdrawn item.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from infitah.core.site import site_link
from infitah.core.translation import tr
from infitah.news import selectors
from infitah.news.models import NewsItem
from infitah.territories.models import Collectivity

FEED_SIZE = 30
MAX_ID = 2**63 - 1


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        publisher = request.GET.get("publisher", "")
        if not publisher or publisher == selectors.NETWORK:
            return publisher
        if len(publisher) > 32 or not Collectivity.objects.filter(code=publisher).exists():
            raise Http404(_("No territorial collectivity has the code %(code)s.") % {"code": publisher[:32]})
        return publisher

    def title(self, obj):
        if obj == selectors.NETWORK:
            return _("News of the network of open territorial collectivities")
        return _("Infitah news: the network and its members")

    def subtitle(self, obj):
        return _("Announcements of the network and of its member collectivities")

    def link(self, obj):
        return site_link(reverse("news:list"))

    def feed_url(self, obj):
        url = site_link(reverse("news:feed"))
        return f"{url}?publisher={obj}" if obj else url

    def items(self, obj):
        news = selectors.filtered(selectors.public_news(), {"publisher": obj})
        return news.select_related("author")[:FEED_SIZE]

    # The XML writer escapes what it writes: a title is plain text, so it is given unescaped (Django's default
    # would escape it twice); a summary is "html" in Atom, so its plain text is escaped once, into inert text.
    def item_title(self, item: NewsItem):
        return str(tr(item.title))

    def item_description(self, item: NewsItem):
        return escape(tr(item.summary) or tr(item.body)[:500])

    def item_link(self, item: NewsItem):
        return site_link(item.get_absolute_url())

    def item_guid(self, item: NewsItem):
        return site_link(reverse("news:detail", args=[item.pk]))

    def item_pubdate(self, item: NewsItem):
        return item.published_at

    def item_updateddate(self, item: NewsItem):
        return max(item.published_at or item.updated_at, item.updated_at)

    def item_author_name(self, item: NewsItem):
        return str(tr(item.collectivity.name)) if item.collectivity else _("The network")

    def item_categories(self, item: NewsItem):
        return item.principles or ()


class CollectivityNewsFeed(NewsFeed):
    def get_object(self, request: HttpRequest, *args, **kwargs):
        pk = kwargs["pk"]
        if pk > MAX_ID:
            raise Http404
        return get_object_or_404(Collectivity, pk=pk)

    def title(self, obj):
        return _("News of %(name)s") % {"name": tr(obj.name)}

    def subtitle(self, obj):
        return _("Announcements of %(name)s on the Infitah platform") % {"name": tr(obj.name)}

    def link(self, obj):
        return site_link(reverse("news:list") + f"?publisher={obj.code}")

    def feed_url(self, obj):
        return site_link(reverse("news:collectivity_feed", args=[obj.pk]))

    def items(self, obj):
        return selectors.public_news().filter(collectivity=obj).select_related("author")[:FEED_SIZE]
