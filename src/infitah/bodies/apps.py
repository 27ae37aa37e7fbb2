from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class BodiesConfig(capabilities.CapabilityConfig):
    name = "infitah.bodies"
    label = "bodies"
    verbose_name = _("Advisory bodies")
