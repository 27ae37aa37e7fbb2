from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.training.models import Course


class TrainingPagesSitemap(PagesSitemap):
    url_names = ("training:list", "training:capacity")


class CoursesSitemap(PublicSitemap):
    """Published courses only."""

    def items(self):
        return Course.objects.published().order_by("pk")
