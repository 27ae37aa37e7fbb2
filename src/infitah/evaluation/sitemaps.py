from django.db.models import QuerySet

from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.evaluation.models import Campaign, Framework, FrameworkStatus


class EvaluationPagesSitemap(PagesSitemap):
    url_names = ("evaluation:campaigns", "evaluation:frameworks")


class FrameworksSitemap(PublicSitemap):
    """Versions open or closed (a draft is the coordinators' work in progress)."""

    def items(self) -> QuerySet[Framework]:
        return Framework.objects.exclude(status=FrameworkStatus.DRAFT).order_by("version")


class CampaignsSitemap(PublicSitemap):
    def items(self) -> QuerySet[Campaign]:
        return Campaign.objects.order_by("pk")
