from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ResourcesConfig(capabilities.CapabilityConfig):
    name = "infitah.resources"
    label = "resources"
    verbose_name = _("Resources")
