from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class EventsConfig(capabilities.CapabilityConfig):
    name = "infitah.events"
    label = "events"
    verbose_name = _("Workshops, meetings and trainings")
