from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import NavigationItem
from infitah.core.pagecache import CacheablePages
from infitah.core.sharedpages import SharedPages


def declare() -> Capability:
    return Capability(
        urls=(Urls("open-data/", "infitah.opendata.urls"),),
        api="infitah.opendata.api.router",
        contributes=(
            *_page_cache(),
            NavigationItem("opendata", _("Open data"), "opendata:catalogue", order=70),
        ),
    )


def _page_cache() -> tuple:
    """The public pages the same for every anonymous visitor, and the rows no public page shows."""
    return (
        CacheablePages(
            (
                "opendata:catalogue",
                "opendata:dataset",
            )
        ),
        # Given to the citizens who read them from one shared copy (core/sharedpages.py).
        SharedPages(("opendata:dataset",), to_everyone=True),
    )
