from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "infitah.events"
    label = "events"
    verbose_name = _("Workshops, meetings and trainings")

    def ready(self):
        self._list_in_sitemap()
        from infitah.accounts.links import PersonLink, register_person_link
        from infitah.events.models import Registration

        # Staff may choose, in the back office, the people this app links to their collectivity.
        register_person_link(PersonLink(Registration.objects.all, "event__collectivity", "user"))
        from infitah.core.contributions import (
            HomeSection,
            MemberSection,
            NavigationItem,
            WaitingGroup,
            register_home_section,
            register_member_section,
            register_navigation,
            register_waiting,
        )
        from infitah.events import (  # noqa: F401 - rules, personal data, home and waiting items register
            home,
            personal_data,
            rules,
            selectors,
            waiting,
        )

        register_navigation(NavigationItem("events", _("Events"), "events:list", order=35))
        register_member_section(
            MemberSection("events", "events/member_section.html", selectors.member_section_context, order=30)
        )
        register_home_section(HomeSection("events", "events/home_section.html", home.upcoming_events, order=6))
        register_waiting(
            WaitingGroup("events", _("Events: registrations and attendance"), waiting.events_to_follow, order=30)
        )
        register_waiting(
            WaitingGroup("own_registrations", _("Your registrations"), waiting.own_registrations, order=70)
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

    @staticmethod
    def _list_in_sitemap():
        from infitah.core.contributions import register_sitemap
        from infitah.events import sitemaps

        register_sitemap("event_pages", sitemaps.EventPagesSitemap)
        register_sitemap("events", sitemaps.EventsSitemap)
