from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "infitah.territories"
    label = "territories"
    verbose_name = _("Territories and the network")

    def ready(self):
        from infitah.core.contributions import (
            HomeSection,
            NavigationItem,
            register_home_section,
            register_navigation,
        )
        from infitah.territories import rules, selectors  # noqa: F401 - registers the permission rules

        register_navigation(NavigationItem("network", _("The network"), "territories:network", order=10))
        register_navigation(NavigationItem("charter", _("Charter"), "territories:charter", order=20))
        register_home_section(HomeSection("network", "territories/home_section.html", selectors.home_context, order=10))
        self._list_in_sitemap()

    @staticmethod
    def _list_in_sitemap():
        from infitah.core.contributions import register_sitemap
        from infitah.territories import sitemaps

        register_sitemap("network", sitemaps.NetworkPagesSitemap)
        register_sitemap("members", sitemaps.MembersSitemap)
