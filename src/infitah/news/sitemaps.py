from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.news.models import NewsItem


class NewsPagesSitemap(PagesSitemap):
    url_names = ("news:list",)


class NewsSitemap(PublicSitemap):
    """Published news whose time has come."""

    def items(self):
        return NewsItem.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at
