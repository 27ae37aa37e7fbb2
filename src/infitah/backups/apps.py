from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class BackupsConfig(capabilities.CapabilityConfig):
    name = "infitah.backups"
    label = "backups"
    verbose_name = _("Backups")
