from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.events.models import Event


class EventPagesSitemap(PagesSitemap):
    url_names = ("events:list",)


class EventsSitemap(PublicSitemap):
    """Published events only."""

    def items(self):
        return Event.objects.published().order_by("pk")
