from infitah.bodies.models import AdvisoryBody
from infitah.core.sitemaps import PagesSitemap, PublicSitemap


class BodyPagesSitemap(PagesSitemap):
    url_names = ("bodies:list",)


class BodiesSitemap(PublicSitemap):
    def items(self):
        return AdvisoryBody.objects.order_by("pk")


class OpinionsSitemap(PublicSitemap):
    """Opinions and the council's answers are public, like the bodies."""

    def items(self):
        from infitah.bodies.models import Opinion

        return Opinion.objects.order_by("pk")
