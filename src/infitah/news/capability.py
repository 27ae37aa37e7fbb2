from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, MemberSection, NavigationItem, SitemapSection
from infitah.core.datasets import Dataset
from infitah.core.pagecache import CacheablePages
from infitah.core.pagestamps import QuietModels
from infitah.core.search import SearchDocuments
from infitah.core.sharedpages import SharedPages
from infitah.core.visibility import Visibility
from infitah.participation.notifications import NotificationVerb


def declare() -> Capability:
    from infitah.news import open_data, personal_data, selectors, sitemaps
    from infitah.news.models import NewsItem

    return Capability(
        urls=(Urls("news/", "infitah.news.urls"),),
        api="infitah.news.api.router",
        demo=Demo("infitah.news.demo.load", after=("territories",)),
        rules=("infitah.news.rules",),
        contributes=(
            *_page_cache(),
            NavigationItem("news", _("News"), "news:list", order=15),
            HomeSection("news", "news/home_section.html", selectors.home_section_context, order=5),
            MemberSection("news", "news/member_section.html", selectors.member_section_context, order=5),
            SitemapSection("news_pages", sitemaps.NewsPagesSitemap),
            SitemapSection("news", sitemaps.NewsSitemap),
            personal_data.PERSONAL_DATA,
            # A draft, scheduled or withdrawn item is named nowhere to those who may not see it.
            Visibility(NewsItem, "news.view_item"),
            # Followers of a member collectivity hear of its news when the item's publication time comes.
            NotificationVerb("news_published", _("News from a collectivity you follow: “%(target)s”")),
            SearchDocuments(
                kind="news.newsitem",
                label=_("News"),
                rows=open_data.public_rows,
                title=str,
                text=open_data.search_text,
                url=lambda item: item.get_absolute_url(),
                collectivity=lambda item: item.collectivity_id,
                principles=lambda item: list(item.principles or ()),
                date=lambda item: item.published_at,
            ),
            Dataset(
                key="news",
                title=_("News of the network and its members"),
                description=_(
                    "Every published news item: its publisher (a collectivity's code, or the network), title, "
                    "languages, publication date, openness principles, source and address."
                ),
                rows=open_data.public_rows,
                columns=open_data.COLUMNS,
            ),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "news:list",
                "news:detail",
            )
        ),
        # Given to everyone signed in from one shared copy (core/sharedpages.py): the news desk and an item's edit
        # link are powers-only parts (news/templatetags/news_reader.py).
        SharedPages(("news:list", "news:detail"), to_everyone=True),
        QuietModels(("news.weeklydigestlog",)),
    )
