from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ParticipationConfig(capabilities.CapabilityConfig):
    name = "infitah.participation"
    label = "participation"
    verbose_name = _("Participation and moderation")
