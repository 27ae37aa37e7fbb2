from infitah.core.sitemaps import PagesSitemap, PublicSitemap
from infitah.territories.models import Membership


class NetworkPagesSitemap(PagesSitemap):
    url_names = ("territories:network", "territories:charter")


class MembersSitemap(PublicSitemap):
    def items(self):
        return Membership.objects.select_related("collectivity").order_by("collectivity__code")
