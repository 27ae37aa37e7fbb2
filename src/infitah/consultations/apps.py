from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ConsultationsConfig(capabilities.CapabilityConfig):
    name = "infitah.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")
