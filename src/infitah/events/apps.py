from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "infitah.events"
    label = "events"
    verbose_name = _("Workshops, meetings and trainings")

    def ready(self):
        from infitah.accounts.links import register_person_link
        from infitah.events.selectors import people_linked

        register_person_link(people_linked)
        from infitah.core.contributions import (
            MemberSection,
            NavigationItem,
            register_member_section,
            register_navigation,
        )
        from infitah.events import (  # noqa: F401 - registers the permission rules
            personal_data,  # noqa: F401 - registers what it holds about a person
            rules,
            selectors,
        )

        register_navigation(NavigationItem("events", _("Events"), "events:list", order=35))
        register_member_section(
            MemberSection("events", "events/member_section.html", selectors.member_section_context, order=30)
        )
        self._scope_audit_entries()
        self._declare_visibility()

    @staticmethod
    def _declare_visibility():
        """An unpublished event is named nowhere to those who may not see it (core.visibility)."""
        from infitah.core.visibility import register_visibility
        from infitah.events.models import Event

        register_visibility(Event, "events.view_event")

    @staticmethod
    def _scope_audit_entries():
        """Tell the audit log which collectivity a back-office edit of an event's parts belongs to."""
        from infitah.events.models import AgendaItem, Finding, Registration, TrainingMaterial
        from infitah.participation.targets import register_scope

        for model in (AgendaItem, Finding, Registration, TrainingMaterial):
            register_scope(model, lambda row: row.event.collectivity_id)
