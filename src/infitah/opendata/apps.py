from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class OpendataConfig(capabilities.CapabilityConfig):
    name = "infitah.opendata"
    label = "opendata"
    verbose_name = _("Open data")
