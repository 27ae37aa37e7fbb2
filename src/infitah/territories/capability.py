from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import HomeSection, NavigationItem, SitemapSection
from infitah.core.scopes import Scope


def declare() -> Capability:
    from infitah.territories import selectors, sitemaps
    from infitah.territories.models import Collectivity

    return Capability(
        urls=(Urls("network/", "infitah.territories.urls"),),
        api="infitah.territories.api.router",
        demo=Demo("infitah.territories.demo.load"),
        rules=("infitah.territories.rules",),
        contributes=(
            NavigationItem("network", _("The network"), "territories:network", order=10),
            NavigationItem("charter", _("Charter"), "territories:charter", order=20),
            HomeSection("network", "territories/home_section.html", selectors.home_context, order=10),
            SitemapSection("network", sitemaps.NetworkPagesSitemap),
            SitemapSection("members", sitemaps.MembersSitemap),
            # A collectivity belongs to itself: every app's rules are asked about one.
            Scope(Collectivity, lambda collectivity: collectivity.pk),
            *_open_data(),
        ),
    )


def _open_data() -> tuple:
    return ()
