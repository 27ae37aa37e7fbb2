from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ForumConfig(capabilities.CapabilityConfig):
    name = "infitah.forum"
    label = "forum"
    verbose_name = _("Members' forum")
