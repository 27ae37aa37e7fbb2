from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class PracticesConfig(capabilities.CapabilityConfig):
    name = "infitah.practices"
    label = "practices"
    verbose_name = _("Good practices")
