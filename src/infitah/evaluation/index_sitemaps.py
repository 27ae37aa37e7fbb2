"""The openness index's public pages in sitemap.xml: the dashboard, the method and every member with an index."""

from django.db.models import QuerySet
from django.urls import reverse

from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.territories.models import Collectivity


class IndexPagesSitemap(PagesSitemap):
    url_names = ("openness_index:dashboard", "openness_index:method")


class IndexMembersSitemap(PublicSitemap):
    def items(self) -> QuerySet[Collectivity]:
        return Collectivity.objects.filter(index_values__principle="").distinct().order_by("code")

    def location(self, item: Collectivity) -> str:
        return reverse("openness_index:member", args=[item.code])
