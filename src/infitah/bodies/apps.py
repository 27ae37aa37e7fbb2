from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "infitah.bodies"
    label = "bodies"
    verbose_name = _("Advisory bodies")

    def ready(self):
        from infitah.accounts.links import register_person_link
        from infitah.bodies.selectors import people_linked

        register_person_link(people_linked)
        from infitah.bodies import (  # noqa: F401 - rules and notification verbs register
            opinions,
            personal_data,  # noqa: F401 - registers what it holds about a person
            rules,
            selectors,
        )
        from infitah.core.contributions import (
            MemberSection,
            NavigationItem,
            register_member_section,
            register_navigation,
        )

        register_navigation(NavigationItem("bodies", _("Advisory bodies"), "bodies:list", order=40))
        register_member_section(
            MemberSection("advisory_bodies", "bodies/member_section.html", selectors.member_section_context, order=20)
        )
