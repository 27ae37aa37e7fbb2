from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ProgramsConfig(capabilities.CapabilityConfig):
    name = "infitah.programs"
    label = "programs"
    verbose_name = _("Openness programs")
