"""Who may do what in co-evaluation.

- The network coordinators keep the framework (draft a version, open it, close it) and set up the campaigns.
- The self-assessment is filled and submitted by the focal point and editors of the campaign's collectivity; the
  independent one by the representatives of the associations designated for it. Each is private to its party
  until submitted (then public); coordinators see only whether it is submitted.
- A discrepancy is reconciled by either party (the collectivity's focal point or editors, or a designated
  association's representative) or a coordinator; the findings of the campaign's events are recorded by the
  collectivity's staff; commitments are assessed, in the independent-review style, by the designated associations'
  representatives or a coordinator.
- Staff of one collectivity never touch another's campaigns. Platform administrators may do everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Representative, Role, User
from infitah.accounts.predicates import network_coordinator, staff_of
from infitah.accounts.types import Viewer
from infitah.core.permissions import binds_administrators, public, rule
from infitah.core.predicates import signed_in
from infitah.evaluation.models import (
    Assessment,
    Campaign,
    CommitmentAssessment,
    IndicatorFinding,
    Party,
    Reconciliation,
    Score,
)

EDITORS = {Role.FOCAL_POINT, Role.EDITOR}

_editor = staff_of(EDITORS)


def campaign_of(obj: Any) -> Campaign | None:
    """The campaign an object of this app belongs to (None for a collectivity or nothing)."""
    if isinstance(obj, Campaign):
        return obj
    if isinstance(obj, Assessment | Reconciliation | IndicatorFinding | CommitmentAssessment):
        return obj.campaign
    if isinstance(obj, Score):
        return obj.assessment.campaign
    return None


def assessment_of(obj: Any) -> Assessment | None:
    if isinstance(obj, Assessment):
        return obj
    if isinstance(obj, Score):
        return obj.assessment
    return None


def designated_representative(user: User, campaign: Campaign | None) -> bool:
    """`user` represents one of the associations designated for the campaign's independent assessment (with no
    campaign: one designated for any campaign)."""
    links = Representative.objects.filter(user=user, association__assessments__party=Party.INDEPENDENT)
    if campaign is not None:
        links = links.filter(association__assessments__campaign=campaign)
    return links.exists()


def is_of_party(user: User, assessment: Assessment) -> bool:
    """`user` is one of the people who fill this assessment (its party)."""
    if assessment.party == Party.SELF:
        return _editor(user, assessment.campaign)
    return designated_representative(user, assessment.campaign)


@rule("evaluation.manage_framework", reason=_("Only the network coordinators keep the assessment framework."))
def may_manage_framework(user: User, obj: Model | None) -> bool:
    """Draft a framework version, edit its indicators, open and close it (the services refuse what a version's
    status forbids, with their own reason)."""
    return network_coordinator(user)


@rule("evaluation.manage_campaign", reason=_("Only the network coordinators set up assessment campaigns."))
def may_manage_campaign(user: User, obj: Model | None) -> bool:
    return network_coordinator(user)


@rule("evaluation.view_assessment")
@public
@binds_administrators
def may_view_assessment(user: Viewer, obj: Model | None) -> bool:
    """Read an assessment's scores and evidence: everyone once it is submitted; before, only its own party."""
    assessment = assessment_of(obj)
    if assessment is None:
        return True
    if assessment.is_submitted:
        return True
    return signed_in(user) and is_of_party(user, assessment)


@rule(
    "evaluation.fill_assessment",
    reason=_(
        "Only the focal point and the editors of the collectivity fill its self-assessment, and only the "
        "representatives of the designated associations fill the independent assessment."
    ),
)
@binds_administrators
def may_fill_assessment(user: User, obj: Model | None) -> bool:
    """Enter scores and submit (obj: an assessment or one of its scores; the services refuse a submitted one)."""
    assessment = assessment_of(obj)
    if assessment is None:
        return _editor(user, obj) or designated_representative(user, None)
    return is_of_party(user, assessment)


@rule(
    "evaluation.reconcile",
    reason=_(
        "Only the collectivity's focal point and editors, the representatives of the designated associations and "
        "the network coordinators record an agreed score."
    ),
)
def may_reconcile(user: User, obj: Model | None) -> bool:
    campaign = campaign_of(obj)
    if network_coordinator(user) or _editor(user, campaign or obj):
        return True
    return designated_representative(user, campaign)


@rule(
    "evaluation.record_finding",
    reason=_("Only the collectivity's focal point and editors record the findings of its evaluation events."),
)
def may_record_finding(user: User, obj: Model | None) -> bool:
    return _editor(user, campaign_of(obj) or obj)


@rule(
    "evaluation.assess_commitment",
    reason=_(
        "Only the representatives of the designated associations and the network coordinators assess the "
        "commitments of a campaign's program."
    ),
)
def may_assess_commitment(user: User, obj: Model | None) -> bool:
    return network_coordinator(user) or designated_representative(user, campaign_of(obj))
