from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.resources.models import Resource


class ResourcePagesSitemap(PagesSitemap):
    url_names = ("resources:list",)


class ResourcesSitemap(PublicSitemap):
    def items(self):
        return Resource.objects.filter(versions__isnull=False).distinct().order_by("pk")
