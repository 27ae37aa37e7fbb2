from typing import Any

from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import MemberSection, NavigationItem, SitemapSection, WaitingGroup
from infitah.core.datasets import Column, Dataset
from infitah.core.scopes import Scope
from infitah.core.visibility import Visibility
from infitah.programs.sections import CommitmentSection


def declare() -> Capability:
    # --- Assessments (frameworks, campaigns, scores, reconciliation, findings, commitment assessments) ---
    from infitah.evaluation import personal_data, sections, sitemaps, waiting
    from infitah.evaluation.models import (
        Assessment,
        CommitmentAssessment,
        IndicatorFinding,
        Reconciliation,
        Score,
    )
    from infitah.participation.notifications import NotificationVerb
    from infitah.participation.targets import ParticipationTarget

    assessments = (
        NavigationItem("evaluation", _("Co-evaluation"), "evaluation:campaigns", order=61),
        WaitingGroup(
            "evaluation_assessments", _("Openness assessments to fill"), waiting.assessments_to_fill, order=40
        ),
        WaitingGroup(
            "evaluation_discrepancies",
            _("Assessment scores to reconcile"),
            waiting.discrepancies_to_reconcile,
            order=41,
        ),
        WaitingGroup(
            "evaluation_campaigns", _("Assessment campaigns not settled"), waiting.campaigns_to_follow, order=42
        ),
        SitemapSection("evaluation_pages", sitemaps.EvaluationPagesSitemap),
        SitemapSection("evaluation_frameworks", sitemaps.FrameworksSitemap),
        SitemapSection("evaluation_campaigns", sitemaps.CampaignsSitemap),
        # A party's draft is nobody else's: wherever a page links to an assessment, the rule decides who sees it.
        Visibility(Assessment, "evaluation.view_assessment"),
        Visibility(Score, "evaluation.view_assessment"),
        # Evidence files of a score: attached by its party while the assessment is a draft (see _score_gate).
        ParticipationTarget(
            model=Score,
            features=frozenset({"attach"}),
            # No collectivity: its staff moderate their collectivity's files, and a score of the independent
            # assessment must not reach them before it is submitted (the network's coordinators moderate these).
            collectivity=None,
            gate=_score_gate,
            url=lambda score: score.assessment.campaign.get_absolute_url(),
            # A draft's files are its party's, not just "not public": coordinators, who moderate these files, get
            # them only once the assessment is submitted (the issue: nobody sees another party's unsubmitted draft).
            gate_decides_viewing=True,
        ),
        Scope(Assessment, lambda assessment: assessment.campaign.collectivity_id),
        *(Scope(model, lambda row: row.campaign.collectivity_id) for model in (Reconciliation, IndicatorFinding)),
        Scope(CommitmentAssessment, lambda row: row.program.collectivity_id),
        NotificationVerb("assessment_submitted", _("%(actor)s submitted their assessment in the campaign %(target)s")),
        NotificationVerb("discrepancy_reconciled", _("%(actor)s recorded an agreed score in the campaign %(target)s")),
        personal_data.PERSONAL_DATA,
        # A commitment's page shows its latest independent-review assessment, after its progress.
        CommitmentSection(
            "independent_assessment", "evaluation/commitment_section.html", sections.commitment_section_context, order=8
        ),
        # Open data: submitted assessments only (a draft is its party's), and the agreed scores.
        Dataset(
            key="assessment_scores",
            title=_("Openness assessments: the scores submitted"),
            description=_(
                "Every submitted self-assessment and independent assessment: each indicator's score on its scale, "
                "with the evidence given."
            ),
            rows=lambda: (
                Score.objects.filter(assessment__status="submitted")
                .select_related("assessment__campaign__collectivity", "assessment__campaign__framework", "indicator")
                .order_by("assessment__campaign_id", "assessment__party", "indicator_id")
            ),
            columns=(
                Column("campaign", lambda score: score.assessment.campaign_id),
                Column("collectivity", lambda score: score.assessment.campaign.collectivity.code),
                Column("year", lambda score: score.assessment.campaign.year),
                Column("framework_version", lambda score: score.assessment.campaign.framework.version),
                Column("party", lambda score: score.assessment.party),
                Column("indicator", lambda score: score.indicator.code),
                Column("principle", lambda score: score.indicator.principle),
                Column("score", lambda score: str(score.value)),
                Column("scale_min", lambda score: score.indicator.scale_min),
                Column("scale_max", lambda score: score.indicator.scale_max),
                Column("evidence", lambda score: score.evidence),
                Column("links", lambda score: " ".join(score.evidence_links)),
            ),
        ),
        Dataset(
            key="assessment_agreed_scores",
            title=_("Openness assessments: the agreed scores"),
            description=_(
                "Where the two assessments of an indicator differed beyond the framework's threshold: the score "
                "both parties agreed on, and why."
            ),
            rows=lambda: Reconciliation.objects.select_related("campaign__collectivity", "indicator").order_by(
                "campaign_id", "indicator_id"
            ),
            columns=(
                Column("campaign", lambda row: row.campaign_id),
                Column("collectivity", lambda row: row.campaign.collectivity.code),
                Column("year", lambda row: row.campaign.year),
                Column("indicator", lambda row: row.indicator.code),
                Column("agreed_score", lambda row: str(row.agreed_value)),
                Column("justification", lambda row: row.justification),
                Column("agreed_at", lambda row: row.created_at.isoformat()),
            ),
        ),
    )
    # --- end of assessments ---

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
        rules=("infitah.evaluation.rules",),
        # The openness index part: the API (frameworks, submitted assessments, reconciliations, index values) and
        # the demo (framework v1, Marrakech-Safi's 2024 campaign, index values of a few members).
        api="infitah.evaluation.api.router",
        demo=Demo(
            "infitah.evaluation.demo.load", after=("territories", "programs", "events", "bodies", "consultations")
        ),
        contributes=(*assessments, *index_contributions),
        on_ready=indexing.connect,
    )


def _score_gate(user: Any, score: Any, feature: str) -> Any:
    """Files of a score: seen by whoever may see the assessment (its party; everyone once submitted); attached
    only by its party while it is a draft."""
    from infitah.core.permissions import can
    from infitah.participation.targets import REFUSED, VIEW

    if feature == VIEW:
        return None if can(user, "evaluation.view_assessment", score) else REFUSED[VIEW]
    if score.assessment.is_submitted or not can(user, "evaluation.fill_assessment", score):
        return _("Only the assessment's own party attaches evidence, until it is submitted.")
    return None
