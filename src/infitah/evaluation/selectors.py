"""What the co-evaluation pages read, each in a fixed number of queries.

The privacy of drafts lives here and in rules.py: a party's scores reach a page only through `visible_scores`,
which returns nothing of an unsubmitted assessment to anyone outside its party (not even a count).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from infitah.core import indicators as registered
from infitah.core.permissions import can
from infitah.core.principles import Principle
from infitah.evaluation import scoring
from infitah.evaluation.models import (
    Assessment,
    Campaign,
    CommitmentAssessment,
    Framework,
    FrameworkIndicator,
    IndicatorFinding,
    IndicatorSource,
    Party,
    Reconciliation,
    Score,
)
from infitah.participation.models import Attachment
from infitah.participation.targets import content_type_of
from infitah.programs.models import Program

if TYPE_CHECKING:
    from infitah.accounts.models import User
    from infitah.accounts.types import Viewer

EDITORS = ("focal_point", "editor")


# Frameworks


def framework_list() -> QuerySet[Framework]:
    return Framework.objects.annotate(indicator_count=Count("indicators")).order_by("-version")


def framework_or_404(version: int) -> Framework:
    try:
        return Framework.objects.get(version=version)
    except Framework.DoesNotExist:
        raise Http404(_("There is no framework version at this address.")) from None


@dataclass
class PrincipleGroup:
    principle: str
    label: str
    indicators: list[Any] = field(default_factory=list)


def by_principle(indicators: Iterable[Any], key: Any = lambda row: row) -> list[PrincipleGroup]:
    """Rows grouped under the five principles, in the principles' order (a principle with none left out)."""
    groups = {value: PrincipleGroup(value, str(label)) for value, label in Principle.choices}
    for row in indicators:
        groups[key(row).principle].indicators.append(row)
    return [group for group in groups.values() if group.indicators]


def indicators_of(framework: Framework) -> list[FrameworkIndicator]:
    return list(framework.indicators.order_by("principle", "order", "pk"))


# Campaigns


def campaign_list(collectivity_id: int | None = None, year: int | None = None) -> QuerySet[Campaign]:
    """Campaigns with their two assessments' statuses (status only: never a draft's content)."""
    campaigns = Campaign.objects.select_related("collectivity", "framework").prefetch_related(
        Prefetch(
            "assessments", queryset=Assessment.objects.only("pk", "campaign_id", "party", "status", "submitted_at")
        )
    )
    if collectivity_id:
        campaigns = campaigns.filter(collectivity_id=collectivity_id)
    if year:
        campaigns = campaigns.filter(year=year)
    return campaigns.order_by("-year", "collectivity__code", "pk")


def campaign_or_404(pk: int) -> Campaign:
    try:
        return Campaign.objects.select_related("collectivity", "framework").get(pk=pk)
    except (Campaign.DoesNotExist, OverflowError, ValueError):
        raise Http404(_("There is no assessment campaign at this address.")) from None


def assessment_or_404(campaign: Campaign, party: str) -> Assessment:
    if party not in Party.values:
        raise Http404(_("There is no assessment at this address."))
    return assessments_of(campaign)[party]


def assessments_of(campaign: Campaign) -> dict[str, Assessment]:
    """The campaign's two assessments by party (a campaign made elsewhere than `services.create_campaign`, in the
    back office or a data load, gets the one it lacks, empty: every campaign has both)."""
    rows = Assessment.objects.filter(campaign=campaign).prefetch_related("associations")
    found = {assessment.party: assessment for assessment in rows}
    for party in Party.values:
        if party not in found:
            found[party], _created = Assessment.objects.get_or_create(campaign=campaign, party=party)
    for assessment in found.values():
        assessment.campaign = campaign
    return found


def other_party(assessment: Assessment) -> Assessment:
    other = Party.INDEPENDENT if assessment.party == Party.SELF else Party.SELF
    return assessments_of(assessment.campaign)[other]


def party_people_of(campaign: Campaign, party: str) -> QuerySet[User]:
    """The active people who fill that party's assessment of the campaign (to notify them)."""
    users = get_user_model().objects.filter(is_active=True)
    if party == Party.SELF:
        return users.filter(
            role_assignments__collectivity_id=campaign.collectivity_id, role_assignments__role__in=EDITORS
        ).distinct()
    return users.filter(
        representative_links__association__assessments__campaign=campaign,
        representative_links__association__assessments__party=Party.INDEPENDENT,
    ).distinct()


def party_people(assessment: Assessment) -> QuerySet[User]:
    return party_people_of(assessment.campaign, assessment.party)


# Scores: the one door through which a party's scores reach a page


def visible_scores(user: Viewer, assessment: Assessment) -> dict[int, Score]:
    """The assessment's scores by indicator id, or nothing when `user` may not see them (another party's draft)."""
    if not can(user, "evaluation.view_assessment", assessment):
        return {}
    return {score.indicator_id: score for score in assessment.scores.all()}


def unscored_indicators(assessment: Assessment) -> list[FrameworkIndicator]:
    """The framework's entered indicators this assessment has not scored yet."""
    return list(
        FrameworkIndicator.objects.filter(framework_id=assessment.campaign.framework_id, source=IndicatorSource.ENTERED)
        .exclude(scores__assessment=assessment)
        .order_by("principle", "order", "pk")
    )


def attachments_by_score(scores: Iterable[Score]) -> dict[int, list[Attachment]]:
    """The visible files of these scores (one query, whatever their number)."""
    ids = [score.pk for score in scores]
    found: dict[int, list[Attachment]] = {pk: [] for pk in ids}
    if ids:
        for attachment in Attachment.objects.filter(
            content_type=content_type_of(Score), object_id__in=ids, is_hidden=False
        ).order_by("pk"):
            found[attachment.object_id].append(attachment)
    return found


def _submitted_scores(campaign: Campaign) -> dict[str, dict[int, Score]]:
    scores = Score.objects.filter(assessment__campaign=campaign, assessment__status="submitted").select_related(
        "assessment"
    )
    by_party: dict[str, dict[int, Score]] = {Party.SELF: {}, Party.INDEPENDENT: {}}
    for score in scores:
        by_party[score.assessment.party][score.indicator_id] = score
    return by_party


def discrepancies(campaign: Campaign) -> list[FrameworkIndicator]:
    """The indicators whose two submitted scores differ beyond the framework's threshold (none until both are
    submitted: a draft is nobody else's business)."""
    submitted = _submitted_scores(campaign)
    if Assessment.objects.filter(campaign=campaign, status="submitted").count() < 2:
        return []
    threshold = campaign.framework.discrepancy_threshold
    flagged = []
    for indicator in indicators_of(campaign.framework):
        own, independent = submitted[Party.SELF].get(indicator.pk), submitted[Party.INDEPENDENT].get(indicator.pk)
        if (
            own
            and independent
            and scoring.is_discrepant(own.value, independent.value, indicator.scale_min, indicator.scale_max, threshold)
        ):
            flagged.append(indicator)
    return flagged


def is_settled(campaign: Campaign) -> bool:
    """Both assessments submitted and every discrepancy reconciled."""
    if Assessment.objects.filter(campaign=campaign, status="submitted").count() < 2:
        return False
    reconciled = set(Reconciliation.objects.filter(campaign=campaign).values_list("indicator_id", flat=True))
    return all(indicator.pk in reconciled for indicator in discrepancies(campaign))


def computed_values(campaign: Campaign, indicators: Iterable[FrameworkIndicator]) -> dict[int, dict[str, Any]]:
    """For each computed indicator: the measure's title, unit and value for the member (None: nothing to measure)."""
    computed = [indicator for indicator in indicators if indicator.source == IndicatorSource.COMPUTED]
    if not computed:
        return {}
    measures = {indicator.key: indicator for indicator in registered.indicators()}
    values = registered.measure([campaign.collectivity_id])
    shown = {}
    for indicator in computed:
        measure = measures.get(indicator.computed_key)
        shown[indicator.pk] = {
            "key": indicator.computed_key,
            "title": str(measure.title) if measure else indicator.computed_key,
            "unit": measure.unit if measure else "",
            "value": values.get(indicator.computed_key, {}).get(campaign.collectivity_id),
        }
    return shown


@dataclass
class IndicatorRow:
    """One indicator of a campaign's page, with what the person reading may see of it."""

    indicator: FrameworkIndicator
    own: Score | None = None
    independent: Score | None = None
    discrepant: bool = False
    reconciliation: Reconciliation | None = None
    findings: list[IndicatorFinding] = field(default_factory=list)
    computed: dict[str, Any] | None = None
    own_files: list[Attachment] = field(default_factory=list)
    independent_files: list[Attachment] = field(default_factory=list)

    @property
    def principle(self) -> str:
        return self.indicator.principle


def campaign_rows(user: Viewer, campaign: Campaign, assessments: dict[str, Assessment]) -> list[IndicatorRow]:
    indicators = indicators_of(campaign.framework)
    own = visible_scores(user, assessments[Party.SELF])
    independent = visible_scores(user, assessments[Party.INDEPENDENT])
    files = attachments_by_score([*own.values(), *independent.values()])
    flagged = {indicator.pk for indicator in discrepancies(campaign)}
    reconciliations = {r.indicator_id: r for r in Reconciliation.objects.filter(campaign=campaign)}
    findings: dict[int, list[IndicatorFinding]] = {}
    for finding in IndicatorFinding.objects.filter(campaign=campaign).select_related("event"):
        findings.setdefault(finding.indicator_id, []).append(finding)
    computed = computed_values(campaign, indicators)
    rows = []
    for indicator in indicators:
        mine, theirs = own.get(indicator.pk), independent.get(indicator.pk)
        rows.append(
            IndicatorRow(
                indicator=indicator,
                own=mine,
                independent=theirs,
                discrepant=indicator.pk in flagged,
                reconciliation=reconciliations.get(indicator.pk),
                findings=findings.get(indicator.pk, []),
                computed=computed.get(indicator.pk),
                own_files=files.get(mine.pk, []) if mine else [],
                independent_files=files.get(theirs.pk, []) if theirs else [],
            )
        )
    return rows


def commitment_assessments(campaign: Campaign) -> list[CommitmentAssessment]:
    return list(CommitmentAssessment.objects.filter(campaign=campaign).order_by("commitment_key", "-created_at"))


def adopted_commitments(campaign: Campaign) -> tuple[Program | None, list[dict[str, Any]]]:
    """The member's latest adopted program and the commitments of its reference version (the council's text):
    [{"key", "title", "axis"}]."""
    program = (
        Program.objects.filter(collectivity_id=campaign.collectivity_id, reference_version__isnull=False)
        .select_related("reference_version")
        .order_by("-reference_version__published_at", "-pk")
        .first()
    )
    if program is None or program.reference_version is None:
        return None, []
    commitments = [
        {"key": commitment["key"], "title": commitment.get("title") or {}, "axis": axis.get("title") or {}}
        for axis in program.reference_version.snapshot.get("axes", [])
        for commitment in axis.get("commitments", [])
    ]
    return program, commitments
