from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Urls
from infitah.core.contributions import NavigationItem


def declare() -> Capability:
    return Capability(
        urls=(Urls("open-data/", "infitah.opendata.urls"),),
        api="infitah.opendata.api.router",
        contributes=(NavigationItem("opendata", _("Open data"), "opendata:catalogue", order=70),),
    )
