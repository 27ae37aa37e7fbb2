from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "infitah.events"
    label = "events"
    verbose_name = _("Workshops, meetings and trainings")

    def ready(self):
        from infitah.events import rules  # noqa: F401 - registers the permission rules
