from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class CoreConfig(capabilities.CapabilityConfig):
    name = "infitah.core"
    label = "core"
    verbose_name = _("Core")
