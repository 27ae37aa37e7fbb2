from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.forum.models import Category
from infitah.forum.selectors import public_threads


class ForumPagesSitemap(PagesSitemap):
    url_names = ("forum:index",)


class CategoriesSitemap(PublicSitemap):
    def items(self):
        return Category.objects.filter(members_only=False).order_by("pk")


class ThreadsSitemap(PublicSitemap):
    """Threads of public categories, not hidden."""

    def items(self):
        return public_threads().order_by("pk")
