from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class SearchConfig(capabilities.CapabilityConfig):
    name = "infitah.search"
    label = "search"
    verbose_name = _("Search")
