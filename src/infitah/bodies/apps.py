from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "infitah.bodies"
    label = "bodies"
    verbose_name = _("Advisory bodies")

    def ready(self):
        self._list_in_sitemap()
        from infitah.accounts.links import PersonLink, register_person_link
        from infitah.bodies.models import BodyMember

        # Staff may choose, in the back office, the people this app links to their collectivity.
        register_person_link(
            PersonLink(lambda: BodyMember.objects.filter(user__isnull=False), "body__collectivity", "user")
        )
        from infitah.bodies import (  # noqa: F401 - rules, notification verbs, home and waiting items register
            home,
            opinions,
            personal_data,
            rules,
            selectors,
            waiting,
        )
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

        register_navigation(NavigationItem("bodies", _("Advisory bodies"), "bodies:list", order=40))
        register_home_section(HomeSection("opinions", "bodies/home_section.html", home.recent_opinions, order=8))
        register_waiting(
            WaitingGroup("opinions", _("Opinions to acknowledge or answer"), waiting.opinions_to_handle, order=10)
        )
        register_member_section(
            MemberSection("advisory_bodies", "bodies/member_section.html", selectors.member_section_context, order=20)
        )

    @staticmethod
    def _list_in_sitemap():
        from infitah.bodies import sitemaps
        from infitah.core.contributions import register_sitemap

        register_sitemap("body_pages", sitemaps.BodyPagesSitemap)
        register_sitemap("bodies", sitemaps.BodiesSitemap)
        register_sitemap("opinions", sitemaps.OpinionsSitemap)
