from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class NewsConfig(capabilities.CapabilityConfig):
    name = "infitah.news"
    label = "news"
    verbose_name = _("News")
