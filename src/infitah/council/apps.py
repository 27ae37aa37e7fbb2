from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class CouncilConfig(capabilities.CapabilityConfig):
    name = "infitah.council"
    label = "council"
    verbose_name = _("Council sessions and decisions")
