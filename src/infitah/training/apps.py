from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class TrainingConfig(capabilities.CapabilityConfig):
    name = "infitah.training"
    label = "training"
    verbose_name = _("Capacity building")
