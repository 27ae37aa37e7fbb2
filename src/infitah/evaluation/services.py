"""What people do in co-evaluation: keep the framework, set up campaigns, score, submit, reconcile, record the
findings of evaluation events and assess commitments.

Each raises `EvaluationRefused` (a `Refused`) with a reason written for the person, or a ValidationError naming
the field; nothing is saved then. Every change is audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from infitah.core.pagestamps import pages_changed
from infitah.core.permissions import Refused, can, require
from infitah.core.translation import tr
from infitah.evaluation import scoring, selectors
from infitah.evaluation.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    CommitmentAssessment,
    Framework,
    FrameworkIndicator,
    FrameworkStatus,
    IndicatorFinding,
    IndicatorSource,
    Party,
    Reconciliation,
    Score,
)
from infitah.evaluation.signals import campaign_settled
from infitah.participation.audit import audit
from infitah.participation.notifications import notify

if TYPE_CHECKING:
    from infitah.accounts.models import Association, User
    from infitah.events.models import Event
    from infitah.territories.models import Collectivity


class EvaluationRefused(Refused):
    """A co-evaluation act was refused (not allowed, submitted already, closed framework, incomplete…)."""


# The framework


def refuse_unless_draft(framework: Framework) -> None:
    """An open or closed version never changes: the campaigns assessed against it must stay explainable."""
    if framework.status == FrameworkStatus.OPEN:
        raise EvaluationRefused(
            _("Version %(version)s of the framework is open for assessments: it can no longer be changed.")
            % {"version": framework.version}
        )
    if framework.status == FrameworkStatus.CLOSED:
        raise EvaluationRefused(
            _("Version %(version)s of the framework is closed: it can no longer be changed.")
            % {"version": framework.version}
        )


def new_version(user: User) -> Framework:
    """A new draft version: a copy of the last version (its texts and indicators), or an empty one."""
    require(user, "evaluation.manage_framework")
    with transaction.atomic():
        last = Framework.objects.select_for_update().order_by("-version").first()
        if last is not None and last.status == FrameworkStatus.DRAFT:
            raise EvaluationRefused(
                _("Version %(version)s is still a draft: edit it rather than starting another.")
                % {"version": last.version}
            )
        draft = Framework.objects.create(
            version=(last.version + 1) if last else 1,
            title=last.title if last else {"fr": "Cadre d'évaluation de l'ouverture", "ar": "إطار تقييم الانفتاح"},
            method=last.method if last else {},
            discrepancy_threshold=last.discrepancy_threshold if last else Decimal(25),
        )
        if last is not None:
            copies = []
            for indicator in last.indicators.all():
                indicator.pk = None
                indicator.framework = draft
                copies.append(indicator)
            FrameworkIndicator.objects.bulk_create(copies)
            pages_changed()  # bulk_create sends no signal
        audit(user, "evaluation.add_framework", draft, {"version": [None, draft.version]})
    return draft


def set_framework_status(user: User, framework: Framework, status: str) -> Framework:
    """Open a draft (for campaigns) or close an open version (kept, never edited again)."""
    require(user, "evaluation.manage_framework", framework)
    allowed = {FrameworkStatus.DRAFT: FrameworkStatus.OPEN, FrameworkStatus.OPEN: FrameworkStatus.CLOSED}
    if allowed.get(FrameworkStatus(framework.status)) != status:
        raise EvaluationRefused(_("A framework version goes from draft to open, then from open to closed, never back."))
    if status == FrameworkStatus.OPEN and not framework.indicators.exists():
        raise EvaluationRefused(_("A framework version without indicators cannot be opened."))
    before = framework.status
    framework.status = status
    framework.save(update_fields=["status"])
    audit(user, "evaluation.change_framework", framework, {"status": [before, status]})
    return framework


# Campaigns


def create_campaign(
    user: User,
    *,
    collectivity: Collectivity,
    year: int,
    framework: Framework,
    opens_on: Any = None,
    closes_on: Any = None,
    associations: Iterable[Association] = (),
    events: Iterable[Event] = (),
) -> Campaign:
    """A member's campaign for a year, with its two assessments (self, independent)."""
    require(user, "evaluation.manage_campaign", collectivity)
    if framework.status == FrameworkStatus.DRAFT:
        raise EvaluationRefused(
            _("Version %(version)s of the framework is still a draft: open it before assessing against it.")
            % {"version": framework.version}
        )
    if framework.status == FrameworkStatus.CLOSED:
        raise EvaluationRefused(
            _("Version %(version)s of the framework is closed: it can no longer be assessed.")
            % {"version": framework.version}
        )
    events = list(events)
    if any(event.collectivity_id != collectivity.pk for event in events):
        raise ValidationError(
            {"events": _("Only the events of the assessed collectivity can be tied to its campaign.")}
        )
    if Campaign.objects.filter(collectivity=collectivity, year=year).exists():
        raise ValidationError({"year": _("This member already has a campaign for that year.")})
    with transaction.atomic():
        campaign = Campaign.objects.create(
            collectivity=collectivity, year=year, framework=framework, opens_on=opens_on, closes_on=closes_on
        )
        campaign.events.set(events)
        Assessment.objects.create(campaign=campaign, party=Party.SELF)
        independent = Assessment.objects.create(campaign=campaign, party=Party.INDEPENDENT)
        independent.associations.set(list(associations))
        audit(user, "evaluation.add_campaign", campaign, {"year": [None, year], "framework": [None, framework.version]})
    return campaign


# Scores


def refuse_unless_fillable(user: User, assessment: Assessment) -> None:
    """Scores are entered by the assessment's party, while it is a draft and its framework version not closed."""
    if not can(user, "evaluation.fill_assessment", assessment):
        raise EvaluationRefused(
            _("Only the focal point and the editors of the collectivity fill its self-assessment")
            if assessment.party == Party.SELF
            else _("Only the representatives of the designated associations fill the independent assessment")
        )
    if assessment.is_submitted:
        raise EvaluationRefused(_("This assessment has been submitted: it is final and no longer changes."))
    framework = assessment.campaign.framework
    if framework.status == FrameworkStatus.CLOSED:
        raise EvaluationRefused(
            _("Version %(version)s of the framework is closed: it can no longer be assessed.")
            % {"version": framework.version}
        )


def record_score(
    user: User,
    assessment: Assessment,
    indicator: FrameworkIndicator,
    *,
    value: Decimal,
    evidence: str = "",
    evidence_links: Iterable[str] = (),
) -> Score:
    """Save (or change) the party's score of an entered indicator, while the assessment is a draft."""
    refuse_unless_fillable(user, assessment)
    if indicator.framework_id != assessment.campaign.framework_id:
        raise EvaluationRefused(_("This indicator is not part of the campaign's framework."))
    if indicator.source == IndicatorSource.COMPUTED:
        raise EvaluationRefused(_("This indicator is computed from the platform's data: it is not scored by hand."))
    if not scoring.within_scale(value, indicator.scale_min, indicator.scale_max):
        raise ValidationError(
            {
                "value": _("The score must be between %(low)s and %(high)s (the indicator's scale).")
                % {"low": indicator.scale_min, "high": indicator.scale_max}
            }
        )
    links = [str(link).strip() for link in evidence_links if str(link).strip()]
    if any(not link.lower().startswith(("http://", "https://")) for link in links):
        # Shown as links on public pages: nothing but web addresses (the form says which line is wrong).
        raise ValidationError({"evidence_links": _("Links to evidence are web addresses (http:// or https://).")})
    with transaction.atomic():
        score, created = Score.objects.update_or_create(
            assessment=assessment,
            indicator=indicator,
            defaults={"value": value, "evidence": evidence, "evidence_links": links},
        )
        audit(
            user,
            "evaluation.add_score" if created else "evaluation.change_score",
            score,
            {"indicator": [None, indicator.code], "value": [None, str(value)]},
            collectivity=assessment.campaign.collectivity,
        )
    return score


def submit(user: User, assessment: Assessment) -> Assessment:
    """Submit the assessment (final): every entered indicator of the framework must be scored."""
    refuse_unless_fillable(user, assessment)
    missing = selectors.unscored_indicators(assessment)
    if missing:
        raise EvaluationRefused(
            _("The assessment cannot be submitted yet: these indicators have no score: %(missing)s.")
            % {"missing": "; ".join(str(tr(indicator.title)) for indicator in missing)}
        )
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.is_submitted:
            raise EvaluationRefused(_("This assessment has been submitted: it is final and no longer changes."))
        assessment.status = AssessmentStatus.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.submitted_by = user
        assessment.save(update_fields=["status", "submitted_at", "submitted_by"])
        campaign = assessment.campaign
        audit(
            user,
            "evaluation.submit_assessment",
            assessment,
            {"party": [None, assessment.party]},
            collectivity=campaign.collectivity,
        )
        other = selectors.other_party(assessment)
        notify("assessment_submitted", campaign, actor=user, recipients=selectors.party_people(other))
        _settle_if_done(campaign)
    return assessment


# Discrepancies


def reconcile(
    user: User, campaign: Campaign, indicator: FrameworkIndicator, *, agreed_value: Decimal, justification: str
) -> Reconciliation:
    """Record the agreed score of a flagged indicator, with its written justification (final)."""
    if not can(user, "evaluation.reconcile", campaign):
        raise EvaluationRefused(
            _(
                "Only the collectivity's focal point and editors, the representatives of the designated associations "
                "and the network coordinators record an agreed score."
            )
        )
    if indicator not in selectors.discrepancies(campaign):
        raise EvaluationRefused(_("The two assessments of this indicator do not need reconciling."))
    if Reconciliation.objects.filter(campaign=campaign, indicator=indicator).exists():
        raise EvaluationRefused(_("The agreed score of this indicator has been recorded already."))
    errors = {}
    if not scoring.within_scale(agreed_value, indicator.scale_min, indicator.scale_max):
        errors["agreed_value"] = _("The agreed score must be between %(low)s and %(high)s (the indicator's scale).") % {
            "low": indicator.scale_min,
            "high": indicator.scale_max,
        }
    if not (justification or "").strip():
        errors["justification"] = _(
            "Write why the parties agreed on this score: the justification is published with it."
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        reconciliation = Reconciliation.objects.create(
            campaign=campaign,
            indicator=indicator,
            agreed_value=agreed_value,
            justification=justification.strip(),
            recorded_by=user,
        )
        audit(
            user,
            "evaluation.reconcile",
            reconciliation,
            {"agreed_value": [None, str(agreed_value)]},
            collectivity=campaign.collectivity,
        )
        people = [
            *selectors.party_people_of(campaign, Party.SELF),
            *selectors.party_people_of(campaign, Party.INDEPENDENT),
        ]
        notify("discrepancy_reconciled", campaign, actor=user, recipients=people)
        _settle_if_done(campaign)
    return reconciliation


def _settle_if_done(campaign: Campaign) -> None:
    """Once both assessments are submitted and every discrepancy is reconciled, mark the campaign settled and
    tell the index (once)."""
    if not selectors.is_settled(campaign):
        return
    updated = Campaign.objects.filter(pk=campaign.pk, closed_at__isnull=True).update(closed_at=timezone.now())
    if updated:
        campaign.refresh_from_db(fields=["closed_at"])
        pages_changed(campaign.collectivity_id)  # the update above sends no signal
        # Once the last act is committed: what the parties did is saved whatever the receivers (the index) do.
        transaction.on_commit(lambda: campaign_settled.send(sender=Campaign, campaign=campaign))


# Findings of the campaign's events


def record_finding(
    user: User, campaign: Campaign, *, indicator: FrameworkIndicator, event: Event, text: dict[str, str]
) -> IndicatorFinding:
    if not can(user, "evaluation.record_finding", campaign):
        raise EvaluationRefused(
            _("Only the collectivity's focal point and editors record the findings of its evaluation events.")
        )
    if indicator.framework_id != campaign.framework_id:
        raise ValidationError({"indicator": _("This indicator is not part of the campaign's framework.")})
    if not campaign.events.filter(pk=event.pk).exists():
        raise ValidationError({"event": _("Only the events tied to this campaign can be chosen.")})
    with transaction.atomic():
        finding = IndicatorFinding.objects.create(campaign=campaign, indicator=indicator, event=event, text=text)
        audit(
            user,
            "evaluation.add_finding",
            finding,
            {"indicator": [None, indicator.code]},
            collectivity=campaign.collectivity,
        )
    return finding


# Commitments, in the independent-review style


def assess_commitment(user: User, campaign: Campaign, commitment_key: str, **answers: Any) -> CommitmentAssessment:
    """Record an assessment of a commitment of the member's adopted program (public once saved)."""
    if not can(user, "evaluation.assess_commitment", campaign):
        raise EvaluationRefused(
            _(
                "Only the representatives of the designated associations and the network coordinators assess the "
                "commitments of a campaign's program."
            )
        )
    program, commitments = selectors.adopted_commitments(campaign)
    if program is None or commitment_key not in {row["key"] for row in commitments}:
        raise EvaluationRefused(_("Only the commitments of the member's adopted program can be assessed."))
    if not (answers.get("justification") or "").strip():
        raise ValidationError({"justification": _("Write what the assessment rests on: it is published with it.")})
    with transaction.atomic():
        assessment = CommitmentAssessment.objects.create(
            program=program,
            campaign=campaign,
            commitment_key=commitment_key,
            verifiable=answers["verifiable"],
            lens=list(answers.get("lens") or []),
            potential=answers["potential"],
            completion=answers["completion"],
            opened_government=answers.get("opened_government") or "",
            justification=answers["justification"].strip(),
            assessed_by=user,
        )
        audit(
            user,
            "evaluation.assess_commitment",
            assessment,
            {"completion": [None, assessment.completion]},
            collectivity=campaign.collectivity,
        )
    return assessment
