from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class TerritoriesConfig(capabilities.CapabilityConfig):
    name = "infitah.territories"
    label = "territories"
    verbose_name = _("Territories and the network")
