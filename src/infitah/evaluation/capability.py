from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, SitemapSection
from infitah.core.datasets import Column, Dataset


def declare() -> Capability:
    # --- The openness index part (index, dashboard, API, demo) ---------------------------------------------------
    from infitah.evaluation import dashboard, index_sitemaps, indexing
    from infitah.evaluation.models import IndexValue

    index_contributions = (
        NavigationItem("openness_index", _("Openness index"), "openness_index:dashboard", order=60),
        MemberSection("openness_index", "evaluation/index/member_section.html", dashboard.member_section, order=40),
        SitemapSection("openness_index_pages", index_sitemaps.IndexPagesSitemap),
        SitemapSection("openness_index_members", index_sitemaps.IndexMembersSitemap),
        Dataset(
            key="openness_index",
            title=_("Openness index"),
            description=_(
                "Each member's openness index (0 to 100) per year, and its sub-score per principle (the index "
                "itself has an empty principle)."
            ),
            rows=lambda: IndexValue.objects.select_related("collectivity").order_by("year", "collectivity__code"),
            columns=(
                Column("collectivity", lambda row: row.collectivity.code, _("The collectivity's official code")),
                Column("year", lambda row: row.year, _("The year assessed")),
                Column("principle", lambda row: row.principle, _("The principle, empty for the index itself")),
                Column("value", lambda row: float(row.value), _("From 0 to 100")),
            ),
        ),
    )
    # --- end of the openness index part ---------------------------------------------------------------------------

    return Capability(
        urls=(
            # Frameworks, campaigns, assessments, reconciliation, commitment assessments (namespace "evaluation").
            Urls("evaluation/", "infitah.evaluation.urls"),
            # The openness index: its method, a member's values, the network dashboard (namespace "openness_index").
            Urls("openness-index/", "infitah.evaluation.index_urls"),
        ),
        # The openness index part: the API (frameworks, submitted assessments, reconciliations, index values) and
        # the demo (framework v1, Marrakech-Safi's 2024 campaign, index values of a few members).
        api="infitah.evaluation.api.router",
        demo=Demo(
            "infitah.evaluation.demo.load", after=("territories", "programs", "events", "bodies", "consultations")
        ),
        contributes=(*index_contributions,),
        on_ready=indexing.connect,
    )
