from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "infitah.programs"
    label = "programs"
    verbose_name = _("Openness programs")

    def ready(self):
        self._list_in_sitemap()
        from infitah.core.contributions import (
            MemberSection,
            NavigationItem,
            register_member_section,
            register_navigation,
        )
        from infitah.programs import rules, selectors  # noqa: F401 - registers the permission rules

        register_navigation(NavigationItem("programs", _("Openness programs"), "programs:list", order=25))
        register_member_section(
            MemberSection("programs", "programs/member_section.html", selectors.member_section_context, order=10)
        )
        self._scope_audit_entries()
        self._declare_visibility()

    @staticmethod
    def _declare_visibility():
        """A program in preparation, its axes, commitments and versions are named nowhere to those who may not see
        it (core.visibility): one rule for all of them."""
        from infitah.core.visibility import register_visibility
        from infitah.programs.models import Axis, Commitment, Program, ProgramVersion

        for model in (Program, Axis, Commitment, ProgramVersion):
            register_visibility(model, "programs.view_program")

    @staticmethod
    def _scope_audit_entries():
        """Tell the audit log (participation app) which collectivity a back-office edit of the draft belongs to."""
        from infitah.participation.targets import register_scope
        from infitah.programs.models import Axis, Commitment, Milestone, PhaseDates, ProgramVersion

        register_scope(Axis, lambda axis: axis.program.collectivity_id)
        register_scope(PhaseDates, lambda row: row.program.collectivity_id)
        register_scope(Commitment, lambda commitment: commitment.program.collectivity_id)
        register_scope(Milestone, lambda milestone: milestone.commitment.program.collectivity_id)
        register_scope(ProgramVersion, lambda version: version.program.collectivity_id)

    @staticmethod
    def _list_in_sitemap():
        from infitah.core.contributions import register_sitemap
        from infitah.programs import sitemaps

        register_sitemap("program_pages", sitemaps.ProgramPagesSitemap)
        register_sitemap("programs", sitemaps.ProgramsSitemap)
