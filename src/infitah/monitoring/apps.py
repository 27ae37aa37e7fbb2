from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class MonitoringConfig(capabilities.CapabilityConfig):
    name = "infitah.monitoring"
    label = "monitoring"
    verbose_name = _("Co-monitoring")
