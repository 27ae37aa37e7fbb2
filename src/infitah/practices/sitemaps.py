from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.practices.models import Practice


class PracticePagesSitemap(PagesSitemap):
    url_names = ("practices:list",)


class PracticesSitemap(PublicSitemap):
    """Published practices only: the others are their collectivity's and the coordinators'."""

    def items(self):
        return Practice.objects.published().order_by("pk")
