from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class InformationConfig(capabilities.CapabilityConfig):
    name = "infitah.information"
    label = "information"
    verbose_name = _("Access to information")
