from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.programs.models import Program


class ProgramPagesSitemap(PagesSitemap):
    url_names = ("programs:list", "programs:library")


class ProgramsSitemap(PublicSitemap):
    """Programs once public (a program in preparation is its staff's draft)."""

    def items(self):
        return Program.objects.public().order_by("pk")
