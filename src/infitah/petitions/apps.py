from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class PetitionsConfig(capabilities.CapabilityConfig):
    name = "infitah.petitions"
    label = "petitions"
    verbose_name = _("Petitions")
